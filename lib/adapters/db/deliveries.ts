/**
 * Notification deliveries: one row per (event, channel), so "sent once per transition across replicas"
 * is the primary key's job. Replicas insert the rows they find missing, then claim due ones with a lease
 * (a conditional UPDATE over rows locked with SKIP LOCKED), so each delivery has one sender at a time; a
 * sender that dies frees its rows when the lease ends.
 */
import { and, count, eq, gte, inArray, isNotNull, lt, or, sql, sum } from "drizzle-orm";
import { NOTIFIABLE } from "@/lib/core/alerts/transitions";
import type { Channel } from "@/lib/core/alerts/config";
import type { Db } from "./open";
import { notificationDeliveries as nd, targetEvents } from "./schema";
import { BASELINE_AUDIT } from "./target-events";

export type DeliveryRow = typeof nd.$inferSelect;
export interface DeliveryKey {
  eventId: string;
  channel: Channel;
}

/**
 * Adds a pending delivery per channel for each notifiable event since `from` that has none yet, once its
 * cause is known or it is older than `causeBy` (a slow or failing AWS read never holds an alert for long).
 * The baseline audit's events (the first audit that recorded any) stay on the timeline only: a first
 * start in an estate of a thousand clusters must not post a thousand "new" messages.
 */
export async function enqueueDeliveries(
  db: Db,
  channels: Channel[],
  opts: { from: Date; causeBy: Date; now: Date },
): Promise<number> {
  const { from, now } = opts;
  let added = 0;
  for (const channel of channels) {
    const rows = await db
      .insert(nd)
      .select(
        db
          .select({
            eventId: targetEvents.id,
            channel: sql<Channel>`${channel}`.as("channel"),
            status: sql<"pending">`'pending'`.as("status"),
            attempts: sql<number>`0`.as("attempts"),
            nextAttemptAt: sql<Date>`${now.toISOString()}::timestamptz`.as("next_attempt_at"),
            claimedBy: sql<null>`null`.as("claimed_by"),
            claimedUntil: sql<null>`null::timestamptz`.as("claimed_until"),
            lastError: sql<null>`null`.as("last_error"),
            sentAt: sql<null>`null::timestamptz`.as("sent_at"),
            createdAt: sql<Date>`${now.toISOString()}::timestamptz`.as("created_at"),
          })
          .from(targetEvents)
          .where(
            and(
              inArray(targetEvents.event, [...NOTIFIABLE]),
              gte(targetEvents.at, from),
              or(isNotNull(targetEvents.cause), lt(targetEvents.at, opts.causeBy)),
              sql`${targetEvents.auditId} is distinct from ${BASELINE_AUDIT}`,
            ),
          ),
      )
      .onConflictDoNothing()
      .returning({ eventId: nd.eventId });
    added += rows.length;
  }
  return added;
}

/**
 * What a claim records when it takes over a claim that ended with no outcome: the replica that held it
 * stopped while sending, so that message may have reached its channel.
 */
export const INTERRUPTED_SEND = "interrupted: the replica sending it stopped before recording the outcome";

/**
 * Claims up to `limit` due deliveries for `replica` until `now + leaseMs`; counts the attempt. A row still
 * claimed (its lease ran out without a sent or failed mark) comes back with `lastError` INTERRUPTED_SEND.
 */
export async function claimDueDeliveries(
  db: Db,
  opts: { replica: string; leaseMs: number; limit: number; now: Date },
): Promise<DeliveryRow[]> {
  const now = opts.now.toISOString();
  const until = new Date(opts.now.getTime() + opts.leaseMs).toISOString();
  const due = sql`${nd.status} = 'pending' and ${nd.nextAttemptAt} <= ${now}::timestamptz
    and (${nd.claimedUntil} is null or ${nd.claimedUntil} < ${now}::timestamptz)`;
  return db
    .update(nd)
    .set({
      claimedBy: opts.replica,
      claimedUntil: new Date(until),
      attempts: sql`${nd.attempts} + 1`,
      lastError: sql`case when ${nd.claimedBy} is not null then ${INTERRUPTED_SEND} else ${nd.lastError} end`,
    })
    .where(
      and(
        due,
        sql`(${nd.eventId}, ${nd.channel}) in (
          select event_id, channel from notification_deliveries
          where status = 'pending' and next_attempt_at <= ${now}::timestamptz
            and (claimed_until is null or claimed_until < ${now}::timestamptz)
          order by next_attempt_at limit ${opts.limit} for update skip locked)`,
      ),
    )
    .returning();
}

const mine = (key: DeliveryKey, replica: string) =>
  and(eq(nd.eventId, key.eventId), eq(nd.channel, key.channel), eq(nd.claimedBy, replica));

export async function markDeliverySent(db: Db, key: DeliveryKey, replica: string, now: Date): Promise<void> {
  await db
    .update(nd)
    .set({ status: "sent", sentAt: now, claimedBy: null, claimedUntil: null, lastError: null })
    .where(mine(key, replica));
}

/** A failed attempt: due again at `retryAt`, or `failed` for good when that is null. */
export async function markDeliveryFailed(
  db: Db,
  key: DeliveryKey,
  replica: string,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .update(nd)
    .set({
      status: retryAt ? "pending" : "failed",
      ...(retryAt ? { nextAttemptAt: retryAt } : {}),
      lastError: error.slice(0, 500),
      claimedBy: null,
      claimedUntil: null,
    })
    .where(mine(key, replica));
}

export interface DeliveryStats {
  channel: string;
  status: string;
  deliveries: number;
  attempts: number;
}

/** Deliveries by channel and status with their attempts: the metrics' source (same on every replica). */
export async function deliveryStats(db: Db): Promise<DeliveryStats[]> {
  const rows = await db
    .select({ channel: nd.channel, status: nd.status, deliveries: count(), attempts: sum(nd.attempts) })
    .from(nd)
    .groupBy(nd.channel, nd.status);
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts ?? 0) }));
}

export async function deliveriesOf(db: Db, eventId: string): Promise<DeliveryRow[]> {
  return db.select().from(nd).where(eq(nd.eventId, eventId));
}

/** What the metrics report about notifications: deliveries by channel and status, events by kind. */
export async function alertStats(
  db: Db,
): Promise<{ deliveries: DeliveryStats[]; events: Record<string, number> }> {
  const [deliveries, events] = await Promise.all([
    deliveryStats(db),
    db.select({ event: targetEvents.event, n: count() }).from(targetEvents).groupBy(targetEvents.event),
  ]);
  return { deliveries, events: Object.fromEntries(events.map((e) => [e.event, e.n])) };
}
