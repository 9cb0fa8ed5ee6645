import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { SkipLink } from "@/components/layout/skip-link";
import { requireRole } from "@/lib/web/auth/require-role";
import { isDemoMode } from "@/lib/web/auth/users";
import { defaultDatabase } from "@/lib/adapters/db";
import { headerAccounts } from "@/lib/web/status/current-account";

/**
 * Every dashboard page needs a signed-in user; pages that need more check for themselves. The one
 * `<main>` lives here (pages render its content), so the skip link always has a target; tabIndex -1
 * lets it take focus when the link is followed.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("viewer");
  const { db } = await defaultDatabase();
  return (
    <>
      <SkipLink />
      <AppHeader user={user} demo={isDemoMode(process.env)} accounts={await headerAccounts(db)} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none sm:px-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
