import { describe, expect, it } from "vitest";
import type { CacheParameter, SecurityGroup } from "@/lib/core/model/resources";
import type { ReadResult } from "@/lib/core/model/snapshot";
import {
  accessDenied,
  makeParameters,
  makeSecurityGroup,
  makeStandaloneCluster,
} from "@/tools/testing/fixtures";
import { groupsToRead, parameterReads, securityGroupReads } from "./dependent-reads";
import { limiter } from "./read-result";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
const cluster = (
  id: string,
  parameterGroup: string,
  sgs: string[] = ["sg-1"],
  engine: "redis" | "memcached" = "redis",
) => makeStandaloneCluster({ id, parameterGroup, securityGroupIds: sgs, engine });

/** A read whose calls are recorded and which settles only when the test says so. */
function heldReads<K, V>(value: (key: K) => V) {
  const calls: K[] = [];
  const pending: (() => void)[] = [];
  let inFlight = 0;
  let peak = 0;
  const read = (key: K) =>
    new Promise<V>((resolve) => {
      calls.push(key);
      peak = Math.max(peak, ++inFlight);
      pending.push(() => {
        inFlight--;
        resolve(value(key));
      });
    });
  return { read, calls, releaseAll: () => pending.splice(0).forEach((f) => f()), peak: () => peak };
}

describe("limiter", () => {
  it("never runs more than the limit at once and starts waiters in submission order", async () => {
    const held = heldReads((n: number) => n * 10);
    const run = limiter(2);
    const all = Promise.all([1, 2, 3, 4, 5].map((n) => run(() => held.read(n))));
    await tick();
    expect(held.calls).toEqual([1, 2]);
    while (held.calls.length < 5) {
      held.releaseAll();
      await tick();
    }
    held.releaseAll();
    expect(await all).toEqual([10, 20, 30, 40, 50]);
    expect([held.calls, held.peak()]).toEqual([[1, 2, 3, 4, 5], 2]);
  });
});

describe("parameterReads", () => {
  const ok = (name: string): ReadResult<CacheParameter[]> => ({
    ok: true,
    value: makeParameters({ policy: name === "g-noev" ? "noeviction" : "volatile-lru" }),
  });

  it("reads each Redis/Valkey group once across pages, at once, and reports them by name", async () => {
    const held = heldReads(ok);
    const reads = parameterReads(held.read, 64);
    reads.add([cluster("a", "g-b"), cluster("b", "g-noev"), cluster("m", "mc-group", ["sg-1"], "memcached")]);
    // The second page's reads start while the first page's are still in flight.
    reads.add([cluster("c", "g-b"), cluster("d", "g-a")]);
    expect(held.calls).toEqual(["g-b", "g-noev", "g-a"]);
    expect(held.peak()).toBe(3);
    held.releaseAll();
    const results = await reads.results();
    expect(Object.keys(results)).toEqual(["g-a", "g-b", "g-noev"]);
    const policy = (name: string) => {
      const r = results[name]!;
      return r.ok ? r.value.find((p) => p.name === "maxmemory-policy")?.value : r.problem.code;
    };
    expect(["g-a", "g-noev"].map(policy)).toEqual(["volatile-lru", "noeviction"]);
  });

  it("honours the concurrency cap", async () => {
    const held = heldReads(ok);
    const reads = parameterReads(held.read, 1);
    reads.add([cluster("a", "g-2"), cluster("b", "g-1")]);
    const done = reads.results();
    await tick();
    expect(held.calls).toEqual(["g-1"]);
    while (held.calls.length < 2) {
      held.releaseAll();
      await tick();
    }
    held.releaseAll();
    expect(Object.keys(await done)).toEqual(["g-1", "g-2"]);
    expect(held.peak()).toBe(1);
  });

  it("skips Memcached groups", () => {
    expect(groupsToRead([cluster("m", "mc-custom", [], "memcached"), cluster("r", "redis7-custom")])).toEqual(
      ["redis7-custom"],
    );
  });

  it("skips default groups: they hold the fixed family default, so nothing needs reading", async () => {
    const clusters = [
      cluster("a", "default.redis7"),
      cluster("b", "default.valkey8.cluster.on"),
      cluster("c", "bullmq-redis7"),
      cluster("d", "default.redis7"),
    ];
    expect(groupsToRead(clusters)).toEqual(["bullmq-redis7"]);
    const held = heldReads(ok);
    const reads = parameterReads(held.read, 64);
    reads.add(clusters);
    held.releaseAll();
    expect([held.calls, Object.keys(await reads.results())]).toEqual([["bullmq-redis7"], ["bullmq-redis7"]]);
  });
});

describe("securityGroupReads", () => {
  const groups = (ids: string[]): ReadResult<SecurityGroup[]> => ({
    ok: true,
    value: ids.map((id) => makeSecurityGroup(id, `name-${id}`, "vpc-1")),
  });

  it("batches only new ids, once per add, and merges the batches by id", async () => {
    const held = heldReads(groups);
    const reads = securityGroupReads(held.read);
    reads.add(["sg-b", "sg-a", "sg-b"]);
    reads.add(["sg-a"]);
    reads.add(["sg-c", "sg-b"]);
    expect([held.calls, reads.requested]).toEqual([[["sg-a", "sg-b"], ["sg-c"]], 3]);
    held.releaseAll();
    const result = await reads.result();
    expect(result.ok && result.value.map((g) => `${g.id}:${g.name}`)).toEqual([
      "sg-a:name-sg-a",
      "sg-b:name-sg-b",
      "sg-c:name-sg-c",
    ]);
  });

  it("answers an empty list when nothing was asked, and the first failed batch's problem", async () => {
    expect(await securityGroupReads(async () => groups(["sg-x"])).result()).toEqual({ ok: true, value: [] });
    const denied = accessDenied("DescribeSecurityGroups", "ec2");
    const reads = securityGroupReads(async (ids) =>
      ids.includes("sg-2") ? { ok: false, problem: denied } : groups(ids),
    );
    reads.add(["sg-1"]);
    reads.add(["sg-2"]);
    expect(await reads.result()).toEqual({ ok: false, problem: denied });
  });
});
