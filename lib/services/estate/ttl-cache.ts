/**
 * One value, loaded on demand and kept for a while: the estate (which accounts, with which credentials) is
 * asked by every page and action, but changes only when the organization or the accounts file does. A load
 * that went badly is kept only briefly, so a fixed trust policy shows up within seconds, not minutes.
 */

export interface TtlCacheOptions<T> {
  /** The load when `get` is given none. */
  load?: () => Promise<T>;
  /** How long this value may be served; a rejected load is never kept. */
  ttlMs: (value: T) => number;
  now?: () => number;
}

export interface TtlCache<T> {
  /** The kept value of `key`, else `load`'s (or the options') fresh one. */
  get(key: string, load?: () => Promise<T>): Promise<T>;
  /** Loads afresh whatever is kept, and keeps that for the next `get`. */
  reload(key: string, load?: () => Promise<T>): Promise<T>;
  clear(): void;
}

/**
 * `key` names what the value was loaded from (the environment it reads): a different key loads afresh.
 * Concurrent callers share one load.
 */
export function ttlCache<T>(opts: TtlCacheOptions<T>): TtlCache<T> {
  const now = opts.now ?? Date.now;
  let entry: { key: string; value: Promise<T>; until: number } | undefined;
  const reload = (key: string, load = opts.load) => {
    if (!load) throw new Error("ttlCache: nothing to load with");
    const value = load();
    const mine = { key, value, until: Number.POSITIVE_INFINITY };
    entry = mine;
    value.then(
      (v) => {
        if (entry === mine) mine.until = now() + opts.ttlMs(v);
      },
      () => {
        if (entry === mine) entry = undefined;
      },
    );
    return value;
  };
  return {
    get(key, load) {
      if (entry && entry.key === key && now() < entry.until) return entry.value;
      return reload(key, load);
    },
    reload,
    clear() {
      entry = undefined;
    },
  };
}
