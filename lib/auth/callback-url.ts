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

/** Sign-in errors the page may show, by next-auth's error code; anything else gets the generic line. */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code === "CredentialsSignin") return "Wrong username or password.";
  if (code.startsWith("Too many failed sign-in attempts.")) return code;
  if (code === "SessionRequired") return "Sign in to continue.";
  if (code === "AccessDenied") return "Your account is not allowed to use QueueReady.";
  if (code === "Configuration")
    return "Sign-in is not configured on this server. Ask the person who runs QueueReady.";
  return "Sign-in did not work. Try again.";
}
