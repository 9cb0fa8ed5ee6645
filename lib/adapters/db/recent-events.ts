/**
 * The "changed in the last 24 h" view's rows, filtered by kind of event and paged in SQL: an estate's first
 * audit sees every cluster for the first time, and those sightings must not bury the real changes.
 */
import { and, asc, count, desc, gte, inArray } from "drizzle-orm";
import type { Db } from "./open";
import type { TargetEventRow } from "./records";
import { targetEvents } from "./schema";

type EventFilter = { from: Date; events: TargetEventRow["event"][] };

const whereOf = (f: EventFilter) => and(gte(targetEvents.at, f.from), inArray(targetEvents.event, f.events));

/** One page, newest first. */
export async function recentEventsPage(
  db: Db,
  opts: EventFilter & { offset: number; limit: number },
): Promise<TargetEventRow[]> {
  return db
    .select()
    .from(targetEvents)
    .where(whereOf(opts))
    .orderBy(desc(targetEvents.at), asc(targetEvents.targetId), asc(targetEvents.id))
    .offset(opts.offset)
    .limit(opts.limit);
}

export async function countRecentEvents(db: Db, filter: EventFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(targetEvents).where(whereOf(filter));
  return row?.n ?? 0;
}
