import { Button } from "@/components/ui/button";
import { getFormCsrfToken } from "@/lib/web/auth/session";

/**
 * Ends the session with a plain form POST to next-auth, the CSRF token rendered on the server: no client
 * JavaScript (next-auth's client library alone was ~11 KB gzipped on every page). A browser without the
 * CSRF cookie (e.g. restarted while the session cookie lived on) lands on next-auth's own sign-out
 * confirmation, which sets the cookie and asks once more.
 */
export async function SignOutForm() {
  const csrfToken = await getFormCsrfToken();
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="csrfToken" value={csrfToken ?? ""} />
      <input type="hidden" name="callbackUrl" value="/sign-in" />
      <Button type="submit" variant="ghost" size="sm">
        Sign out
      </Button>
    </form>
  );
}
