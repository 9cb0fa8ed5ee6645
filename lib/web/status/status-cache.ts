import "server-only";
/**
 * The status page's stored view, kept per replica under the stamp it was read at (the count of writes to
 * target_states and the latest and running audits): twenty people loading the same view between two
 * audits cost one read of the counts and rows, not twenty. Any write moves the stamp, on whichever replica
 * or process made it, so nobody is shown an older view than the database holds.
 */
import { LRUCache } from "lru-cache";
import type { Db } from "@/lib/adapters/db";
import { statusStamp } from "@/lib/adapters/db/status-version";

/** Views kept at once: the default view and the filters people share, per stamp. */
const MAX_VIEWS = 64;
/**
 * A view is read again after this long even when the stamp has not moved: a safety net for a write that
 * bypassed the count (a hand-made fix in the database), not how changes are seen.
 */
const MAX_AGE_MS = 60_000;

export class StatusCache<T extends object> {
  // Per database: a test's (or a tool's) second database never sees the first one's views.
  private readonly byDb = new WeakMap<Db, LRUCache<string, T>>();

  /** `read` once per view and stamp; a failed read is not kept. */
  async get(db: Db, view: string, read: () => Promise<T>): Promise<T> {
    const key = `${await statusStamp(db)}|${view}`;
    let views = this.byDb.get(db);
    if (!views) this.byDb.set(db, (views = new LRUCache<string, T>({ max: MAX_VIEWS, ttl: MAX_AGE_MS })));
    const kept = views.get(key);
    if (kept) return kept;
    const fresh = await read();
    views.set(key, fresh);
    return fresh;
  }
}
