import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requireRole } from "@/lib/auth/require-role";
import { isDemoMode } from "@/lib/auth/users";
import { currentAccountId } from "@/lib/status/current-account";

/** Every dashboard page needs a signed-in user; pages that need more check for themselves. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("viewer");
  return (
    <>
      <AppHeader user={user} demo={isDemoMode(process.env)} accountId={await currentAccountId()} />
      <div className="mx-auto max-w-7xl px-6 py-8">{children}</div>
    </>
  );
}
