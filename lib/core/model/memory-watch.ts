/**
 * The one join of a target with CloudWatch (docs/aws-facts.md §8): the alarms that watch its memory and the
 * highest memory use among its nodes. The memory-alarm rule, the audit row and the planner all ask here.
 *
 * An alarm watches a target's memory when it is on `AWS/ElastiCache` `DatabaseMemoryUsageCountedForEvictPercentage`
 * or `DatabaseMemoryUsagePercentage`, with the replication group's `ReplicationGroupId` or a member's
 * `CacheClusterId` dimension. It counts when it fires early enough to act: greater-than, threshold ≤ 90 %.
 * Who made it does not matter: an alarm put by hand counts like one QueueReady put.
 */
import { MEMORY_PERCENT_METRICS, type MemoryUse, type MetricAlarm } from "./alarms";
import type { AwsProblem } from "./resources";
import type { TargetView } from "./target-view";

/** Above this the engine is close to refusing writes under noeviction. */
export const MEMORY_WARN_PERCENT = 80;
/** An alarm above this fires too late to act (AWS advises paging at 90-95 %, acting before). */
export const MAX_ALARM_THRESHOLD = 90;

export interface MemoryWatch {
  /** Undefined when CloudWatch was not read for this snapshot (a hand-built one). */
  alarms?:
    { ok: true; watching: MetricAlarm[]; counting: MetricAlarm[] } | { ok: false; problem: AwsProblem };
  /** The fullest node, when any node had datapoints in the last 15 minutes. */
  use?: MemoryUse;
  useProblem?: AwsProblem;
}

const GREATER = new Set(["GreaterThanThreshold", "GreaterThanOrEqualToThreshold"]);

/** The ids an alarm's dimension may name for this target: its group id, or one of its nodes. */
function watchedIds(t: TargetView): { group?: string; nodes: Set<string> } {
  const nodes = new Set(t.members.ok ? t.members.value.map((m) => m.id) : []);
  if (t.standalone) nodes.add(t.standalone.id);
  return { group: t.ref.kind === "replication-group" ? t.ref.id : undefined, nodes };
}

function watches(a: MetricAlarm, ids: ReturnType<typeof watchedIds>): boolean {
  if (a.namespace !== "AWS/ElastiCache") return false;
  if (!(MEMORY_PERCENT_METRICS as readonly string[]).includes(a.metricName)) return false;
  return a.dimensions.some(
    (d) =>
      (d.name === "ReplicationGroupId" && d.value === ids.group) ||
      (d.name === "CacheClusterId" && ids.nodes.has(d.value)),
  );
}

export function counts(a: MetricAlarm): boolean {
  return (
    GREATER.has(a.comparisonOperator ?? "") && a.threshold !== undefined && a.threshold <= MAX_ALARM_THRESHOLD
  );
}

export function memoryWatchOf(t: TargetView): MemoryWatch {
  const cw = t.snapshot.cloudwatch;
  if (!cw || t.serverless) return {};
  const ids = watchedIds(t);
  const alarms: MemoryWatch["alarms"] = cw.alarms.ok
    ? (() => {
        const watching = cw.alarms.value.filter((a) => watches(a, ids));
        return { ok: true, watching, counting: watching.filter(counts) };
      })()
    : { ok: false, problem: cw.alarms.problem };
  if (!cw.memory.ok) return { alarms, useProblem: cw.memory.problem };
  const use = cw.memory.value
    .filter((m) => ids.nodes.has(m.cacheClusterId))
    .sort((a, b) => b.percent - a.percent)[0];
  return { alarms, use };
}
