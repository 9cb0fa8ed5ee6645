/**
 * Named locks kept in the store (one `locks` file), so a second apply on a cluster is refused while one
 * runs. The holder beats a heartbeat; a lock whose heartbeat is older than `staleAfterMs` (a crashed
 * server, a killed process) is taken over instead of blocking the cluster forever.
 */
import type { JsonStore } from "@/lib/store/json-store";

export interface LockHolder {
  /** Who holds it, e.g. an apply run id. Only the owner renews or releases. */
  owner: string;
  /** The person, for the refusal message. */
  user: string;
  acquiredAt: string;
  heartbeatAt: string;
}

export type LockResult = { ok: true; holder: LockHolder } | { ok: false; holder: LockHolder };

const LOCKS_KEY = "locks";
type Locks = Record<string, LockHolder>;

export function isStale(holder: LockHolder, staleAfterMs: number, now: Date): boolean {
  return now.getTime() - Date.parse(holder.heartbeatAt) > staleAfterMs;
}

export async function acquireLock(
  store: JsonStore,
  name: string,
  who: { owner: string; user: string },
  opts: { staleAfterMs: number; now?: Date },
): Promise<LockResult> {
  const now = opts.now ?? new Date();
  let result: LockResult | undefined;
  await store.update<Locks>(LOCKS_KEY, {}, (locks) => {
    const current = locks[name];
    if (current && current.owner !== who.owner && !isStale(current, opts.staleAfterMs, now)) {
      result = { ok: false, holder: current };
      return locks;
    }
    const holder = { ...who, acquiredAt: now.toISOString(), heartbeatAt: now.toISOString() };
    result = { ok: true, holder };
    return { ...locks, [name]: holder };
  });
  return result!;
}

/** Moves the heartbeat on; false when the lock is no longer this owner's (it went stale and was taken). */
export async function renewLock(
  store: JsonStore,
  name: string,
  owner: string,
  now: Date = new Date(),
): Promise<boolean> {
  let held = false;
  await store.update<Locks>(LOCKS_KEY, {}, (locks) => {
    const current = locks[name];
    if (current?.owner !== owner) return locks;
    held = true;
    return { ...locks, [name]: { ...current, heartbeatAt: now.toISOString() } };
  });
  return held;
}

export async function releaseLock(store: JsonStore, name: string, owner: string): Promise<void> {
  await store.update<Locks>(LOCKS_KEY, {}, (locks) => {
    if (locks[name]?.owner !== owner) return locks;
    const rest = { ...locks };
    delete rest[name];
    return rest;
  });
}

export async function readLock(store: JsonStore, name: string): Promise<LockHolder | undefined> {
  return (await store.read<Locks>(LOCKS_KEY, {}))[name];
}
