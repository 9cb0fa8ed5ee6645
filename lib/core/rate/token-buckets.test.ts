import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-buckets";

describe("TokenBuckets", () => {
  it("allows a burst of `capacity`, then one per refill interval, per key", () => {
    const buckets = new TokenBuckets({ capacity: 3, perMinute: 6 });
    expect([0, 0, 0].map(() => buckets.take("alice", 0).ok)).toEqual([true, true, true]);
    expect(buckets.take("alice", 0)).toEqual({ ok: false, retryAfterS: 10 });
    expect(buckets.take("bob", 0).ok).toBe(true);
    expect(buckets.take("alice", 4_000)).toEqual({ ok: false, retryAfterS: 6 });
    expect(buckets.take("alice", 10_000).ok).toBe(true);
    expect(buckets.take("alice", 10_000).ok).toBe(false);
  });

  it("refuses a client that keeps hammering: 20 parallel loads for 20 s get capacity + refill, not 280", () => {
    const buckets = new TokenBuckets({ capacity: 5, perMinute: 12 });
    let allowed = 0;
    for (let t = 0; t < 20_000; t += 50)
      for (let i = 0; i < 20; i++) if (buckets.take("viewer", t).ok) allowed++;
    // The burst, then one each at 5, 10 and 15 s.
    expect(allowed).toBe(5 + 3);
  });

  it("stays bounded however many keys come by", () => {
    const buckets = new TokenBuckets({ capacity: 2, perMinute: 60 }, 100);
    for (let i = 0; i < 5_000; i++) buckets.take(`user${i}`, i);
    expect(buckets.size).toBeLessThanOrEqual(101);
  });
});
