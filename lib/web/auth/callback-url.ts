/** Stands in for the app's origin when NEXTAUTH_URL is unset: only relative paths can resolve to it. */
const PLACEHOLDER_ORIGIN = "http://queueready.invalid";
const FALLBACK = "/status";

/**
 * Where to go after signing in: only a path on this site, so a crafted link to the sign-in page cannot send
 * someone elsewhere afterwards. The value is read the way a browser reads it (WHATWG URL parsing against the
 * app's origin, which drops tabs and line breaks and turns `\` into `/`), so `/<TAB>/evil.example` counts as
 * the `//evil.example` a browser would follow. The answer is the normalised path (percent-encoded, no control
 * characters), accepted only if it resolves to the app's origin again; anything else gets /status.
 */
export function safeCallbackPath(value: unknown, origin?: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return FALLBACK;
  const base = originOf(origin) ?? PLACEHOLDER_ORIGIN;
  const url = parseUrl(value, base);
  if (!url || url.origin !== base) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/..//evil.example` normalises to `//evil.example`: same origin here, another host as a redirect.
  if (!path.startsWith("/") || path.startsWith("//") || parseUrl(path, base)?.origin !== base)
    return FALLBACK;
  if (/^\/(sign-in|api)(\/|\?|#|$)/i.test(url.pathname)) return FALLBACK;
  return path;
}

/**
 * next-auth's `redirect` callback: where its routes send the browser (after sign-in, sign-out, an error).
 * next-auth's default throws on a value that is not a URL (`new URL("foo")`), a 500; this answers every
 * value with a URL on this site: the safe path as above, or the sign-in page (where sign-out goes).
 */
export function safeRedirectUrl(url: unknown, baseUrl: string): string {
  const base = originOf(baseUrl) ?? "";
  if (url === "/sign-in" || url === `${base}/sign-in`) return `${base}/sign-in`;
  return `${base}${safeCallbackPath(url, base || undefined)}`;
}

function originOf(value: string | undefined): string | undefined {
  return value ? parseUrl(value)?.origin : undefined;
}

function parseUrl(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

const RATE_LIMITED = /^Too many failed sign-in attempts\. Try again in ([1-9]\d?) minutes?\.$/;

/** next-auth's error codes the page knows, in its own words. */
const KNOWN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong username or password.",
  SessionRequired: "Sign in to continue.",
  AccessDenied: "Your account is not allowed to use QueueReady.",
  Configuration: "Sign-in is not configured on this server. Ask the person who runs QueueReady.",
};

/**
 * The line to show for `?error=`: only messages this app wrote. Anyone can put any text in a link, so an
 * unknown value gets the generic line, and the rate-limit message is rebuilt from its minute count rather
 * than echoed (a prefix match would let a link append its own words).
 */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (Object.hasOwn(KNOWN_ERRORS, code)) return KNOWN_ERRORS[code]!;
  const minutes = RATE_LIMITED.exec(code)?.[1];
  if (minutes) return rateLimitedMessage(Number(minutes));
  return "Sign-in did not work. Try again.";
}

/** The words of a refused sign-in, shared by the credentials check and the page that shows them. */
export function rateLimitedMessage(minutes: number): string {
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
