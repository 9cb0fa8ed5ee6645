/** What next-auth answered a form post with: where to go next, or the error code it redirected with. */
export interface AuthPostResult {
  url: string;
  /** next-auth's error code (`CredentialsSignin`, a thrown message, ...), or null on success. */
  error: string | null;
}

async function freshCsrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  const body = (await response.json()) as { csrfToken?: string };
  return body.csrfToken ?? "";
}

/**
 * Posts a sign-in form to next-auth the way its client library does (`json=true`, so the answer is the
 * redirect target as JSON instead of a redirect), without shipping that library. The CSRF token comes
 * from the form (rendered on the server) or, when the browser had no CSRF cookie yet or it changed since,
 * from next-auth's csrf route, which also sets the cookie. Network and server failures become an error.
 */
export async function postAuthForm(form: HTMLFormElement): Promise<AuthPostResult> {
  const data = new URLSearchParams();
  new FormData(form).forEach((value, key) => data.set(key, String(value)));
  data.set("json", "true");
  try {
    for (const retry of [false, true]) {
      if (retry || !data.get("csrfToken")) data.set("csrfToken", await freshCsrfToken());
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: data,
      });
      const body = (await response.json()) as { url?: string };
      const url = new URL(body.url ?? "/api/auth/error?error=Callback", window.location.href);
      // A refused CSRF token is answered with `?csrf=true` and no error: take a fresh token, once.
      if (url.searchParams.has("csrf")) continue;
      return { url: url.href, error: url.searchParams.get("error") };
    }
    return { url: window.location.href, error: "Csrf" };
  } catch {
    return { url: window.location.href, error: "Callback" };
  }
}
