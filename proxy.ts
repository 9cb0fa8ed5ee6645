import { withAuth } from "next-auth/middleware";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";

/**
 * Sends signed-out visitors to /sign-in before any page renders. Pages and actions check the role
 * themselves as well: this is the first gate, not the only one. The secret is passed explicitly so the
 * demo's per-process secret (see resolveAuthSecret) matches the one the auth routes sign with.
 */
export default withAuth({
  pages: { signIn: "/sign-in" },
  secret: resolveAuthSecret() ?? undefined,
});

export const config = {
  // Everything except the sign-in page, the API routes (next-auth's own, and the rest answer 401 themselves:
  // a download or a script wants a status code, not a redirect to a form; /api/health needs no session and
  // /api/metrics checks its own bearer token), Next's assets and the icon.
  matcher: ["/((?!sign-in|api/|_next/static|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
