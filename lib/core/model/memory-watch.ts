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
import type { CloudWatchSnapshot } from "./snapshot";
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

function isMemoryAlarm(a: MetricAlarm): boolean {
  return (
    a.namespace === "AWS/ElastiCache" && (MEMORY_PERCENT_METRICS as readonly string[]).includes(a.metricName)
  );
}

/**
 * The region's memory alarms by the id their dimensions name, and its memory use by cache cluster, each
 * entry with its place in the list read. Filtering both lists for every target made an audit quadratic
 * (1,500 targets x thousands of rows, twice per target: ~15% of the audit's CPU at 3,000 clusters).
 */
interface CloudWatchIndex {
  alarmsByGroup: Map<string, number[]>;
  alarmsByNode: Map<string, number[]>;
  useByNode: Map<string, number[]>;
}

// A snapshot's CloudWatch reads are never modified once read, so the index is cached by that object.
const indexes = new WeakMap<CloudWatchSnapshot, CloudWatchIndex>();

function indexCloudWatch(cw: CloudWatchSnapshot): CloudWatchIndex {
  let index = indexes.get(cw);
  if (index) return index;
  index = { alarmsByGroup: new Map(), alarmsByNode: new Map(), useByNode: new Map() };
  if (cw.alarms.ok)
    cw.alarms.value.forEach((a, i) => {
      if (!isMemoryAlarm(a)) return;
      for (const d of a.dimensions) {
        if (d.name === "ReplicationGroupId") push(index!.alarmsByGroup, d.value, i);
        else if (d.name === "CacheClusterId") push(index!.alarmsByNode, d.value, i);
      }
    });
  if (cw.memory.ok) cw.memory.value.forEach((m, i) => push(index!.useByNode, m.cacheClusterId, i));
  indexes.set(cw, index);
  return index;
}

function push(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

/** Places in the list read of the entries under any of `keys`, each once, in list order (as a filter gives). */
function placesOf(map: Map<string, number[]>, keys: Iterable<string | undefined>): number[] {
  const places = new Set<number>();
  for (const key of keys) if (key !== undefined) for (const at of map.get(key) ?? []) places.add(at);
  return [...places].sort((a, b) => a - b);
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
  const index = indexCloudWatch(cw);
  const alarms: MemoryWatch["alarms"] = cw.alarms.ok
    ? (() => {
        const all = cw.alarms.value;
        const watching = [
          ...new Set([
            ...placesOf(index.alarmsByGroup, [ids.group]),
            ...placesOf(index.alarmsByNode, ids.nodes),
          ]),
        ]
          .sort((a, b) => a - b)
          .map((at) => all[at]!);
        return { ok: true, watching, counting: watching.filter(counts) };
      })()
    : { ok: false, problem: cw.alarms.problem };
  if (!cw.memory.ok) return { alarms, useProblem: cw.memory.problem };
  // The fullest node; on a tie the first read, as a stable sort of the filtered list gives.
  let use: MemoryUse | undefined;
  for (const at of placesOf(index.useByNode, ids.nodes)) {
    const m = cw.memory.value[at]!;
    if (!use || m.percent > use.percent) use = m;
  }
  return { alarms, use };
}
