import Link from "next/link";
import type { Metadata } from "next";
import { TimelineList } from "@/components/status/timeline-list";
import { Card, CardHeader } from "@/components/ui/card";
import { requireRole } from "@/lib/web/auth/require-role";
import type { TargetRef } from "@/lib/core/identity/identity";
import { detailHref } from "@/lib/core/identity/links";
import { loadRecentChanges, type RecentChange } from "@/lib/web/status/target-history";
import { buttonClasses } from "@/components/ui/button";
import { plural } from "@/lib/core/text/plural";
import {
  CHANGE_VIEWS,
  CHANGES_PAGE_SIZE,
  changesHref,
  parseChangesQuery,
  type ChangeView,
} from "@/lib/web/status/changes-query";

export const metadata: Metadata = { title: "Changed in the last 24 h" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * What changed in the last 24 hours, newest first, from the stored audits and the app's own applies: the
 * real changes by default, the first sightings (an estate's first audit sees every cluster) on their own
 * tab, 50 a page, filtered and paged in SQL.
 */
export default async function ChangesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole("viewer");
  const query = parseChangesQuery(await searchParams);
  const { entries, total, counts } = await loadRecentChanges(query);
  const pages = Math.max(1, Math.ceil(total / CHANGES_PAGE_SIZE));
  const view = CHANGE_VIEWS[query.show];
  return (
    <div className="space-y-5">
      <Link href="/status" className="text-[13px] font-medium text-indigo-700 hover:underline">
        ← Status
      </Link>
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Changed in the last 24 h</h1>
        <p className="mt-1 text-[13px] text-slate-500">
          What the audits and the applies made here saw change, with the cause ElastiCache recorded. Times in
          UTC.
        </p>
      </div>
      <nav aria-label="Which events" className="flex flex-wrap gap-2">
        {(Object.keys(CHANGE_VIEWS) as ChangeView[]).map((v) => (
          <a
            key={v}
            href={changesHref({ show: v, page: 1 })}
            aria-current={v === query.show ? "page" : undefined}
            className={buttonClasses(v === query.show ? "primary" : "secondary", "sm")}
          >
            {CHANGE_VIEWS[v].label} ({counts[v]})
          </a>
        ))}
      </nav>
      <Card aria-label="Changes">
        <CardHeader
          title={`${plural(total, view.label === "Changes" ? "change" : "event")}`}
          description={DESCRIPTIONS[query.show]}
        />
        {entries.length === 0 ? (
          <p className="px-4 py-4 text-[13px] text-slate-600 sm:px-5">
            {query.page > 1 ? "No events on this page." : "Nothing of this kind in the last 24 hours."}
          </p>
        ) : (
          <TimelineList entries={entries} heading={(e) => <ChangedTarget e={e} />} />
        )}
      </Card>
      {pages > 1 || query.page > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-3">
          {query.page > 1 ? (
            <a
              href={changesHref({ ...query, page: query.page - 1 })}
              rel="prev"
              className={buttonClasses("secondary", "sm")}
            >
              Previous
            </a>
          ) : (
            <span />
          )}
          <span className="text-[13px] text-slate-600" aria-current="page">
            Page {Math.min(query.page, pages)} of {pages}
          </span>
          {query.page < pages ? (
            <a
              href={changesHref({ ...query, page: query.page + 1 })}
              rel="next"
              className={buttonClasses("secondary", "sm")}
            >
              Next
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

const DESCRIPTIONS: Record<ChangeView, string> = {
  changes:
    "Clusters that stopped or became ready, or whose findings changed. First sightings are on their own tab.",
  new: "Clusters seen for the first time, ready or not (the first audit sees every cluster).",
  all: "Every event: changes and first sightings.",
};

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
