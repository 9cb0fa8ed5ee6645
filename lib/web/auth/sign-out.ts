/**
 * Sign-out is done only once it is recorded. A JWT session cannot be recalled from a browser that kept a
 * copy, so the session id is stored as revoked before next-auth clears the cookie; when the database cannot
 * take it, the sign-out answers 503 and the cookie stays, rather than reporting a sign-out that a copied
 * cookie would outlive.
 */
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { csrfTokenFromCookies } from "./csrf-token";
import type { RevocationStore } from "./revocations";
import { SESSION_MAX_AGE_S } from "./session-token";

const FAILED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-out not recorded · QueueReady</title></head>
<body><main><h1>You are still signed in</h1>
<p role="alert">QueueReady could not record the sign-out because its database is not answering, so your
session stays as it was. Try again in a moment.</p>
<p><a href="/status">Back to the status page</a></p></main></body></html>
`;

/** The form's CSRF token matches next-auth's signed double-submit cookie (as next-auth itself checks). */
async function carriesCsrfToken(req: NextRequest, secret: string): Promise<boolean> {
  const expected = csrfTokenFromCookies(req.cookies, secret);
  if (!expected) return false;
  const form = await req
    .clone()
    .formData()
    .catch(() => undefined);
  return form?.get("csrfToken") === expected;
}

/**
 * Records the sign-out of the request's session; a Response when it could not be recorded. A POST that
 * does not carry the CSRF token revokes nothing (another site must not sign people out); next-auth then
 * answers it as it answers any such request.
 */
export async function recordSignOut(
  req: NextRequest,
  secret: string,
  revocations: RevocationStore,
): Promise<Response | undefined> {
  if (!(await carriesCsrfToken(req, secret))) return undefined;
  const token = await getToken({ req, secret });
  if (!token?.sid) return undefined;
  const untilMs = typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_S * 1000;
  try {
    await revocations.revoke(String(token.sid), untilMs);
    return undefined;
  } catch (err) {
    console.error(
      `[queueready] a sign-out could not be recorded: ${err instanceof Error ? err.message : err}`,
    );
    return new Response(FAILED_PAGE, {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "retry-after": "5",
        "cache-control": "no-store",
      },
    });
  }
}
