/**
 * Where to go after signing in: only a path on this site, so a crafted link to the sign-in page cannot
 * send someone elsewhere afterwards. next-auth passes absolute URLs of our own origin, which are cut
 * down to their path.
 */
export function safeCallbackPath(value: unknown, origin?: string): string {
  const fallback = "/status";
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  let candidate = value;
  if (origin && candidate.startsWith(origin + "/")) candidate = candidate.slice(origin.length);
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\"))
    return fallback;
  if (candidate.startsWith("/sign-in") || candidate.startsWith("/api/")) return fallback;
  return candidate;
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
