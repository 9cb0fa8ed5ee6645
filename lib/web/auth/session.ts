import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { cache } from "react";
import { connection } from "next/server";
import { resolveAuthSecret } from "./auth-secret";
import { csrfTokenFromCookies } from "./csrf-token";
import { authConfigProblem, getAuthOptions } from "./options";
import type { SessionUser } from "./roles";
import { isRole } from "./roles";
import { DatabaseUnavailableError } from "@/lib/adapters/db/availability";

/**
 * The signed-in user of the current request, or null when signed out (or the token carries no role).
 * Also null when sign-in is not configured: callers send the visitor to /sign-in, which says what to set.
 * Asked once per rendered request (the layout and the page both ask): the token's decryption and its
 * revocation lookup are not free.
 * Throws DatabaseUnavailableError when the session could not be checked: the caller answers 503 and the
 * visitor keeps their session.
 */
export const getSessionUser = cache(readSessionUser);

async function readSessionUser(): Promise<SessionUser | null> {
  // Per-request by nature: never let a build prerender a page for "nobody".
  await connection();
  if (authConfigProblem()) return null;
  const session = await getServerSession(getAuthOptions());
  if (session?.unverified) throw new DatabaseUnavailableError("The session could not be checked.");
  const user = session?.user;
  if (!user?.name || !isRole(user.role)) return null;
  return {
    name: user.name,
    role: user.role,
    ...(Array.isArray(user.accounts) ? { accounts: user.accounts.map(String) } : {}),
  };
}

/**
 * The CSRF token next-auth expects in a plain HTML form POST (sign-in, sign-out) for this browser, or
 * null when the browser has no valid CSRF cookie yet (next-auth sets it on its first auth route visit).
 */
export async function getFormCsrfToken(): Promise<string | null> {
  return csrfTokenFromCookies(await cookies(), resolveAuthSecret());
}
