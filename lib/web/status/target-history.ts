import "server-only";
import { timelineEntry, timelineOf, type TimelineEntry } from "@/lib/web/history/timeline-view";
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import { latestFinishedRun } from "@/lib/adapters/db/audit-runs";
import { eventsSince, targetTimeline } from "@/lib/adapters/db/target-events";
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
 * Every target's changes in the last `hours`, newest first (at most `limit`), each with its account's
 * name: the same id in two accounts is two targets, and people know accounts by name.
 */
export async function loadRecentChanges(hours = 24, limit = 500): Promise<RecentChange[]> {
  const { db } = await defaultDatabase();
  const [rows, names] = await Promise.all([
    eventsSince(db, new Date(Date.now() - hours * 3600_000), limit),
    accountNames(db),
  ]);
  return rows.map((e) => ({ ...timelineEntry(e), accountName: names.get(e.accountId) }));
}

/** Account id → name, as on the status page: the latest audit's accounts, then those known from rows. */
async function accountNames(db: Db): Promise<Map<string, string>> {
  const [run, counts] = await Promise.all([latestFinishedRun(db), countTargetStates(db, {})]);
  const names = new Map(counts.map((c) => [c.accountId, c.accountName]));
  for (const a of run?.accounts ?? []) names.set(a.id, a.name);
  return names;
}
