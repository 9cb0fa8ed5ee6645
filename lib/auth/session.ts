import "server-only";
import { getServerSession } from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/roles";
import { isRole } from "@/lib/auth/roles";

/** The signed-in user of the current request, or null when signed out (or the token carries no role). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user;
  if (!user?.name || !isRole(user.role)) return null;
  return { name: user.name, role: user.role };
}
