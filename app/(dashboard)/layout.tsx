import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { SkipLink } from "@/components/layout/skip-link";
import { requireRole } from "@/lib/web/auth/require-role";
import { isDemoMode } from "@/lib/web/auth/users";
import { defaultDatabase } from "@/lib/adapters/db";
import { headerAccounts } from "@/lib/web/status/current-account";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { isDatabaseUnavailable } from "@/lib/web/http/unavailable";

/** An outage becomes null (the layout then says so); anything else, Next's redirects included, goes on. */
function unlessUnavailable(err: unknown): null {
  if (isDatabaseUnavailable(err)) return null;
  throw err;
}

/**
 * Every dashboard page needs a signed-in user; pages that need more check for themselves. The one
 * `<main>` lives here (pages render its content), so the skip link always has a target; tabIndex -1
 * lets it take focus when the link is followed. While the database does not answer, the layout says so
 * (the session is kept) instead of sending the visitor to sign in.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("viewer").catch(unlessUnavailable);
  const accounts =
    user &&
    (await defaultDatabase()
      .then(({ db }) => headerAccounts(db))
      .catch(unlessUnavailable));
  // The page itself is not rendered either: it would meet the same outage.
  if (!user || !accounts) return <DatabaseUnavailable />;
  return (
    <>
      <SkipLink />
      <AppHeader user={user} demo={isDemoMode(process.env)} accounts={accounts} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none sm:px-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
