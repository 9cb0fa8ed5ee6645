/**
 * Token buckets by key (e.g. one per user and kind of request): `capacity` requests at once, refilled at
 * `perMinute`. Pure and synchronous (the clock is passed in), so it is tested without waiting. The map is
 * bounded: a bucket that has refilled completely holds no information and is dropped first, so memory
 * stays flat however many keys come by.
 */
export interface BucketLimits {
  capacity: number;
  perMinute: number;
}

export type Take = { ok: true } | { ok: false; retryAfterS: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: BucketLimits,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one token for `key` at `nowMs`; when none is left, says how long until one is. */
  take(key: string, nowMs: number): Take {
    const { capacity, perMinute } = this.limits;
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(capacity, bucket.tokens + (nowMs - bucket.at) * perMs) : capacity;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: nowMs });
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    }
    // Re-inserted so the map's order is least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
    if (this.buckets.size > this.maxKeys) this.prune(nowMs);
    return { ok: true };
  }

  get size(): number {
    return this.buckets.size;
  }

  private prune(nowMs: number): void {
    const perMs = this.limits.perMinute / 60_000;
    for (const [key, b] of this.buckets)
      if (b.tokens + (nowMs - b.at) * perMs >= this.limits.capacity) this.buckets.delete(key);
    // Still too many: the least recently used go (they would be refused a little less, never more).
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
