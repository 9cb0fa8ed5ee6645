import "server-only";
import { timelineEntry, timelineOf, type TimelineEntry } from "@/lib/web/history/timeline-view";
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import { latestFinishedRun } from "@/lib/adapters/db/audit-runs";
import { targetTimeline } from "@/lib/adapters/db/target-events";
import { countRecentEvents, recentEventsPage } from "@/lib/adapters/db/recent-events";
import { CHANGE_VIEWS, CHANGES_PAGE_SIZE, type ChangeView, type ChangesQuery } from "./changes-query";
import { countTargetStates } from "@/lib/adapters/db/target-state-queries";

/** A change with its account's name (undefined when no audit knows the account any more). */
export type RecentChange = TimelineEntry & { accountName?: string };

/** One target's timeline, newest first; the account is optional while some routes do not name it. */
export async function loadTargetTimeline(ref: {
  accountId?: string;
  region: string;
  kind: string;
  id: string;
}): Promise<TimelineEntry[]> {
  const { db } = await defaultDatabase();
  return timelineOf(
    await targetTimeline(db, {
      accountId: ref.accountId,
      region: ref.region,
      kind: ref.kind,
      targetId: ref.id,
    }),
  );
}

/**
 * One page of the targets' events in the last `hours` of the kinds `query.show` asks for, newest first,
 * each with its account's name: the same id in two accounts is two targets, and people know accounts by
 * name. `counts` says how many each view holds, for its tabs.
 */
export async function loadRecentChanges(
  query: ChangesQuery,
  hours = 24,
): Promise<{ entries: RecentChange[]; total: number; counts: Record<ChangeView, number> }> {
  const { db } = await defaultDatabase();
  const from = new Date(Date.now() - hours * 3600_000);
  const views = Object.keys(CHANGE_VIEWS) as ChangeView[];
  const events = (v: ChangeView) => [...CHANGE_VIEWS[v].events];
  const [rows, names, ...totals] = await Promise.all([
    recentEventsPage(db, {
      from,
      events: events(query.show),
      offset: (query.page - 1) * CHANGES_PAGE_SIZE,
      limit: CHANGES_PAGE_SIZE,
    }),
    accountNames(db),
    ...views.map((v) => countRecentEvents(db, { from, events: events(v) })),
  ]);
  const counts = Object.fromEntries(views.map((v, i) => [v, totals[i]!])) as Record<ChangeView, number>;
  return {
    entries: rows.map((e) => ({ ...timelineEntry(e), accountName: names.get(e.accountId) })),
    total: counts[query.show],
    counts,
  };
}

/** Account id → name, as on the status page: the latest audit's accounts, then those known from rows. */
async function accountNames(db: Db): Promise<Map<string, string>> {
  const [run, counts] = await Promise.all([latestFinishedRun(db), countTargetStates(db, {})]);
  const names = new Map(counts.map((c) => [c.accountId, c.accountName]));
  for (const a of run?.accounts ?? []) names.set(a.id, a.name);
  return names;
}
