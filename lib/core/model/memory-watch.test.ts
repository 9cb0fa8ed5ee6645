import { describe, expect, it } from "vitest";
import type { MemoryUse, MetricAlarm } from "./alarms";
import type { CloudWatchSnapshot } from "./snapshot";
import { memoryWatchOf } from "./memory-watch";
import { viewTarget } from "./target-view";
import { memoryAlarm } from "@/tools/testing/fixtures";
import { healthyAccount, READY } from "@/tools/testing/readiness-helpers";

const alarm = (name: string, dimensions: MetricAlarm["dimensions"], extra: Partial<MetricAlarm> = {}) =>
  memoryAlarm({ name, dimensions, ...extra });

function watchOf(cloudwatch: CloudWatchSnapshot, id = "a") {
  const b = healthyAccount()
    .replicationGroup({ id: "a", ...READY })
    .replicationGroup({ id: "b", ...READY });
  const snapshot = { ...b.build(), cloudwatch };
  const view = viewTarget(snapshot, {
    accountId: b.accountId,
    region: b.region,
    kind: "replication-group",
    id,
  })!;
  return memoryWatchOf(view);
}

const group = (id: string) => ({ name: "ReplicationGroupId", value: id });
const node = (id: string) => ({ name: "CacheClusterId", value: id });

describe("memoryWatchOf", () => {
  it("keeps the alarms watching the target in the order read, each once, whichever dimension names it", () => {
    const alarms = [
      alarm("node-2", [node("a-002")]),
      alarm("other-group", [group("b")]),
      alarm("group", [group("a")]),
      alarm("both", [node("a-001"), group("a")], { threshold: 95 }),
      alarm("cpu", [group("a")], { metricName: "EngineCPUUtilization" }),
      alarm("other-namespace", [group("a")], { namespace: "AWS/MemoryDB" }),
      alarm("node-1", [node("a-001")], { comparisonOperator: "LessThanThreshold" }),
    ];
    const watch = watchOf({ alarms: { ok: true, value: alarms }, memory: { ok: true, value: [] } });
    expect(watch.alarms?.ok && watch.alarms.watching.map((a) => a.name)).toEqual([
      "node-2",
      "group",
      "both",
      "node-1",
    ]);
    expect(watch.alarms?.ok && watch.alarms.counting.map((a) => a.name)).toEqual(["node-2", "group"]);
    expect(watch.use).toBeUndefined();
  });

  it("takes the fullest of the target's nodes, the first read on a tie", () => {
    const memory: MemoryUse[] = [
      { cacheClusterId: "b-001", percent: 99 },
      { cacheClusterId: "a-002", percent: 40 },
      { cacheClusterId: "a-001", percent: 70 },
      { cacheClusterId: "a-002", percent: 70 },
    ];
    const watch = watchOf({ alarms: { ok: true, value: [] }, memory: { ok: true, value: memory } });
    expect(watch.use).toBe(memory[2]);
    expect(watch.alarms).toEqual({ ok: true, watching: [], counting: [] });
  });
});
