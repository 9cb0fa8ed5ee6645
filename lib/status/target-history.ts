import "server-only";
import { timelineEntry, timelineOf, type TimelineEntry } from "@/lib/alerts/timeline-view";
import { defaultDatabase } from "@/lib/db";
import { eventsSince, targetTimeline } from "@/lib/db/target-events";

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

/** Every target's changes in the last `hours`, newest first (at most `limit`). */
export async function loadRecentChanges(hours = 24, limit = 500): Promise<TimelineEntry[]> {
  const { db } = await defaultDatabase();
  const rows = await eventsSince(db, new Date(Date.now() - hours * 3600_000), limit);
  return rows.map((e) => timelineEntry(e));
}
