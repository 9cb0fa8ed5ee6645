import { createHash, timingSafeEqual } from "node:crypto";

/**
 * next-auth's CSRF cookie, by name: the `__Host-` one when cookies are secure (an https NEXTAUTH_URL),
 * the plain one otherwise. Both are tried so a page needs no knowledge of how next-auth chose.
 */
export const CSRF_COOKIE_NAMES = ["__Host-next-auth.csrf-token", "next-auth.csrf-token"] as const;

/** Anything with the `get` of Next's cookie store, so tests can pass a Map-backed stand-in. */
export interface CookieReader {
  get(name: string): { value: string } | undefined;
}

/**
 * The CSRF token a plain HTML form must post to next-auth (sign-in, sign-out), read from next-auth's
 * double-submit cookie (`token|sha256(token + secret)`), or null when there is none or it was not
 * signed with `secret`. Only the token half is returned; next-auth checks it against the cookie itself.
 * Rendering it server-side is what lets those forms work without next-auth's client library.
 */
export function csrfTokenFromCookies(cookies: CookieReader, secret: string | null): string | null {
  if (!secret) return null;
  for (const name of CSRF_COOKIE_NAMES) {
    const token = verifiedToken(cookies.get(name)?.value, secret);
    if (token) return token;
  }
  return null;
}

function verifiedToken(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  // Next decodes cookie values; a raw header copy may still carry next-auth's encoded separator.
  const [token, hash] = value.replace(/%7C/i, "|").split("|");
  if (!token || !hash) return null;
  const expected = createHash("sha256").update(`${token}${secret}`).digest("hex");
  if (hash.length !== expected.length) return null;
  return timingSafeEqual(Buffer.from(hash), Buffer.from(expected)) ? token : null;
}
