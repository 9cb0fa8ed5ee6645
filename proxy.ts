import { withAuth } from "next-auth/middleware";
import { randomBytes } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";

/**
 * Sends signed-out visitors to /sign-in before any page renders. Pages and actions check the role
 * themselves as well: this is the first gate, not the only one. The secret is passed explicitly so the
 * demo's per-process secret (see resolveAuthSecret) matches the one the auth routes sign with.
 */
export default withAuth({
  pages: { signIn: "/sign-in" },
  // Without a usable secret, next-auth would fall back to the raw (possibly short) env value: a per-process
  // random one instead accepts no token at all, and /sign-in says what to set.
  secret: resolveAuthSecret() ?? randomBytes(32).toString("base64url"),
});

export const config = {
  // Everything except the sign-in page, the API routes (next-auth's own, and the rest answer 401 themselves:
  // a download or a script wants a status code, not a redirect to a form), Next's assets and the icon.
  matcher: ["/((?!sign-in|api/|_next/static|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
