import "server-only";
import { redirect } from "next/navigation";
import type { Role, SessionUser } from "./roles";
import { hasRole } from "./roles";
import { getSessionUser } from "./session";
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from "@/lib/web/http/unavailable";

/**
 * For server components and pages: the signed-in user holding at least `role`. Signed-out visitors go
 * to /sign-in; a role too low goes to /forbidden, which says which role is needed. The proxy already
 * sends signed-out visitors away, but a page must not rely on it (matchers change, actions bypass it).
 */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (!hasRole(user.role, role)) redirect(`/forbidden?need=${role}`);
  return user;
}

export type ActionAuthorization =
  | { ok: true; user: SessionUser }
  | { ok: false; code: "unauthenticated" | "forbidden" | "database-unavailable"; message: string };

/**
 * For server actions, which anyone can POST to directly: never redirects, returns why it refuses so the
 * action can answer with the standard failure shape.
 */
export async function authorizeAction(role: Role): Promise<ActionAuthorization> {
  let user: SessionUser | null;
  try {
    user = await getSessionUser();
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return { ok: false, code: "database-unavailable", message: UNAVAILABLE_MESSAGE };
  }
  if (!user) return { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };
  if (!hasRole(user.role, role)) {
    return {
      ok: false,
      code: "forbidden",
      message: `This needs the ${role} role; you are signed in as ${user.role}.`,
    };
  }
  return { ok: true, user };
}
