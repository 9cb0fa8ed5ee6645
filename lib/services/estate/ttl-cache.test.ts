import { describe, expect, it } from "vitest";
import { ttlCache } from "./ttl-cache";

function counter(values: (number | Error)[]) {
  let calls = 0;
  const load = async () => {
    const v = values[Math.min(calls++, values.length - 1)]!;
    if (v instanceof Error) throw v;
    return v;
  };
  return { load, calls: () => calls };
}

describe("ttlCache", () => {
  it("serves one load until its ttl passes, then loads again", async () => {
    let t = 0;
    const c = counter([1, 2]);
    const cache = ttlCache({ load: c.load, ttlMs: () => 1000, now: () => t });
    expect(await cache.get("k")).toBe(1);
    t = 999;
    expect(await cache.get("k")).toBe(1);
    t = 1000;
    expect(await cache.get("k")).toBe(2);
    expect(c.calls()).toBe(2);
  });

  it("keeps a bad value only as long as its own ttl says", async () => {
    let t = 0;
    const c = counter([-1, 5]);
    const cache = ttlCache({ load: c.load, ttlMs: (v) => (v < 0 ? 10 : 1000), now: () => t });
    expect(await cache.get("k")).toBe(-1);
    t = 10;
    expect(await cache.get("k")).toBe(5);
    t = 500;
    expect(await cache.get("k")).toBe(5);
  });

  it("never keeps a rejected load, and shares one load between concurrent callers", async () => {
    const c = counter([new Error("down"), 7]);
    const cache = ttlCache({ load: c.load, ttlMs: () => 1000 });
    const [a, b] = await Promise.allSettled([cache.get("k"), cache.get("k")]);
    expect(a.status).toBe("rejected");
    expect(b.status).toBe("rejected");
    expect(c.calls()).toBe(1);
    expect(await cache.get("k")).toBe(7);
  });

  it("loads afresh for another key (another environment)", async () => {
    const c = counter([1, 2]);
    const cache = ttlCache({ load: c.load, ttlMs: () => 60_000 });
    expect(await cache.get("a")).toBe(1);
    expect(await cache.get("b")).toBe(2);
  });

  it("reload loads afresh and keeps that for the next get; get may bring its own load", async () => {
    const c = counter([1, 2]);
    const cache = ttlCache<number>({ ttlMs: () => 60_000 });
    expect(await cache.get("k", c.load)).toBe(1);
    expect(await cache.reload("k", c.load)).toBe(2);
    expect(await cache.get("k", c.load)).toBe(2);
    expect(c.calls()).toBe(2);
  });
});
