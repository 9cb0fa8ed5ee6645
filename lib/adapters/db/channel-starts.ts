/**
 * When each notification channel was first configured, kept in `meta`: a channel added to a running
 * estate is told about what happens from then on, not about the transitions of the past day (the catch-up
 * window is for a replica that was down, not for a channel that did not exist). The first replica to see a
 * channel records the time; every later look, from any replica, reads the same one.
 */
import { inArray } from "drizzle-orm";
import type { Channel } from "@/lib/core/alerts/config";
import type { Db } from "./open";
import { meta } from "./schema";

const keyOf = (channel: Channel) => `notification-channel-since:${channel}`;

/** Each channel's start: recorded as `now` the first time it is seen, read back ever after. */
export async function channelStarts(db: Db, channels: Channel[], now: Date): Promise<Map<Channel, Date>> {
  if (channels.length === 0) return new Map();
  await db
    .insert(meta)
    .values(channels.map((c) => ({ key: keyOf(c), value: { since: now.toISOString() }, updatedAt: now })))
    .onConflictDoNothing();
  const rows = await db
    .select()
    .from(meta)
    .where(inArray(meta.key, channels.map(keyOf)));
  const since = new Map(rows.map((r) => [r.key, new Date((r.value as { since: string }).since)]));
  return new Map(channels.map((c) => [c, since.get(keyOf(c)) ?? now]));
}
