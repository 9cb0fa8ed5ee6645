import Link from "next/link";
import type { Metadata } from "next";
import { TimelineList } from "@/components/status/timeline-list";
import { Card, CardHeader } from "@/components/ui/card";
import { requireRole } from "@/lib/web/auth/require-role";
import type { TargetRef } from "@/lib/core/identity/identity";
import { detailHref } from "@/lib/core/identity/links";
import { loadRecentChanges, type RecentChange } from "@/lib/web/status/target-history";

export const metadata: Metadata = { title: "Changed in the last 24 h" };
export const dynamic = "force-dynamic";

/** Every target whose verdict or findings changed in the last 24 hours, newest first, from stored audits. */
export default async function ChangesPage() {
  await requireRole("viewer");
  const entries = await loadRecentChanges(24);
  const changes = entries.filter((e) => e.event !== "first-seen");
  return (
    <div className="space-y-5">
      <Link href="/status" className="text-[13px] font-medium text-indigo-700 hover:underline">
        ← Status
      </Link>
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Changed in the last 24 h</h1>
        <p className="mt-1 text-[13px] text-slate-500">
          What the scheduled audits saw change, with the cause ElastiCache recorded. Times in UTC.
        </p>
      </div>
      <Card aria-label="Changes">
        <CardHeader
          title={`${changes.length} ${changes.length === 1 ? "change" : "changes"}`}
          description="Clusters seen for the first time as ready are left out."
        />
        {changes.length === 0 ? (
          <p className="px-4 py-4 text-[13px] text-slate-600 sm:px-5">
            Nothing changed in the last 24 hours.
          </p>
        ) : (
          <TimelineList entries={changes} heading={(e) => <ChangedTarget e={e} />} />
        )}
      </Card>
    </div>
  );
}

/**
 * The target, its account and region, all in its link: the same id in two accounts or regions is two
 * clusters, on screen and in a screen reader's list of links. The account's id shows on hover and is spoken
 * after what is on screen (a name that starts with the visible text, for voice control).
 */
function ChangedTarget({ e }: { e: RecentChange }) {
  const { accountId, region, id } = e.target;
  const account = e.accountName ?? accountId;
  return (
    <a
      href={detailHref(e.target as TargetRef)}
      aria-label={`${id} (${account}, ${region})${e.accountName ? `, account ${accountId}` : ""}`}
      className="group"
    >
      <span className="font-mono font-medium text-indigo-700 group-hover:underline">{id}</span>
      <span className="text-slate-500">
        {" ("}
        <span title={e.accountName ? `Account ${accountId}` : undefined}>{account}</span>
        {`, ${region})`}
      </span>
    </a>
  );
}
