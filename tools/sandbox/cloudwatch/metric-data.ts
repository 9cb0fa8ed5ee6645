/**
 * GetMetricData for the `AWS/ElastiCache` memory metrics: DatabaseMemoryUsagePercentage,
 * DatabaseMemoryUsageCountedForEvictPercentage and BytesUsedForCache on a `CacheClusterId` (with or without
 * `CacheNodeId`) or `ReplicationGroupId`, BytesUsedForCache on a serverless cache's `clusterId`, and Evictions
 * (0 under noeviction, and the sandbox never evicts). One datapoint per period from the cluster's creation,
 * newest first unless `ScanBy=TimestampAscending`; a metric the sandbox does not know answers an empty
 * series, as CloudWatch does. Metric math (`Expression`) is refused with a 400.
 */
import { SandboxError } from "@/tools/sandbox/errors";
import type { RegionState } from "@/tools/sandbox/model/state";
import { dimensionsOf } from "./alarm-input";
import {
  constraint,
  optEnum,
  optNumber,
  optString,
  optStruct,
  reqString,
  reqTime,
  structs,
  validationError,
  type CwInput,
} from "./input";
import {
  clusterMemory,
  groupMemory,
  serverlessMemory,
  type EngineMemory,
  type MemoryReading,
} from "./memory";

const MAX_QUERIES = 500;
const MAX_DATAPOINTS = 100_800;
const ID = /^[a-z][a-zA-Z0-9_]*$/;

interface Series {
  id: string;
  label: string;
  points: Array<{ at: number; value: number }>;
}

function valueOf(metric: string, r: MemoryReading): number | undefined {
  if (metric === "DatabaseMemoryUsagePercentage") return (100 * r.usedBytes) / r.maxBytes;
  if (metric === "DatabaseMemoryUsageCountedForEvictPercentage") return (100 * r.countedBytes) / r.maxBytes;
  if (metric === "BytesUsedForCache") return r.usedBytes;
  if (metric === "Evictions") return 0;
  return undefined;
}

function readingFor(region: RegionState, dims: Record<string, string>, engine?: EngineMemory) {
  if (dims.CacheClusterId) return clusterMemory(region, dims.CacheClusterId, engine);
  if (dims.ReplicationGroupId) return groupMemory(region, dims.ReplicationGroupId, engine);
  if (dims.clusterId) return serverlessMemory(region, dims.clusterId);
  return undefined;
}

function createdAt(region: RegionState, dims: Record<string, string>): number {
  const id = dims.CacheClusterId ?? dims.ReplicationGroupId ?? dims.clusterId;
  const found =
    region.cacheClusters.find((c) => c.id === id || c.replicationGroupId === id) ??
    region.serverlessCaches.find((s) => s.name === id);
  return found?.createdAt ?? 0;
}

function aggregate(stat: string, value: number, period: number): number {
  const samples = Math.max(1, Math.floor(period / 60));
  if (stat === "Sum") return value * samples;
  if (stat === "SampleCount") return samples;
  if (["Maximum", "Minimum", "Average"].includes(stat) || /^(p|tm|wm|tc|ts|pr)/.test(stat)) return value;
  throw validationError(`The statistic ${stat} is not valid.`);
}

function series(
  region: RegionState,
  q: CwInput,
  index: number,
  range: { start: number; end: number },
  now: number,
  engine?: EngineMemory,
): Series {
  const at = `MetricDataQueries.member.${index}`;
  const id = reqString(q, "Id", 1, 255);
  if (!ID.test(id)) throw validationError(`The value ${id} for parameter ${at}.Id is not valid.`);
  const stat = optStruct(q, "MetricStat");
  if (q.Expression !== undefined || !stat)
    throw new SandboxError(
      "InvalidParameterValue",
      `${at}: the QueueReady sandbox answers MetricStat queries only (no metric math Expression).`,
      400,
    );
  const metric = optStruct(stat, "Metric") ?? {};
  const period = optNumber(stat, "Period", true, 1);
  if (period === undefined) throw constraint(`${at}.MetricStat.Period`, undefined, "Member must not be null");
  if (![1, 5, 10, 20, 30].includes(period) && period % 60 !== 0)
    throw validationError(
      `The parameter ${at}.MetricStat.Period must be 1, 5, 10, 20, 30, 60, or a multiple of 60.`,
    );
  const statistic = reqString(stat, "Stat", 1);
  const name = optString(metric, "MetricName", 1, 255) ?? "";
  const dims = Object.fromEntries(dimensionsOf(metric).map((d) => [d.name, d.value]));
  const reading =
    optString(metric, "Namespace") === "AWS/ElastiCache" ? readingFor(region, dims, engine) : undefined;
  const value = reading ? valueOf(name, reading) : undefined;
  const points: Series["points"] = [];
  if (value !== undefined && period >= 60) {
    const step = period * 1000;
    const from = Math.max(range.start, createdAt(region, dims));
    const last = Math.min(range.end, now);
    for (let t = Math.ceil(from / step) * step; t < last; t += step)
      points.push({ at: t, value: aggregate(statistic, value, period) });
  }
  return { id, label: optString(q, "Label") ?? name, points };
}

export function getMetricData(region: RegionState, input: CwInput, now: number, engine?: EngineMemory) {
  const queries = structs(input, "MetricDataQueries", MAX_QUERIES);
  if (queries.length === 0) throw constraint("MetricDataQueries", undefined, "Member must not be null");
  const start = reqTime(input, "StartTime").getTime();
  const end = reqTime(input, "EndTime").getTime();
  if (start >= end) throw validationError("The parameter StartTime must be less than the parameter EndTime.");
  const ascending =
    optEnum(input, "ScanBy", ["TimestampDescending", "TimestampAscending"]) === "TimestampAscending";
  const max = optNumber(input, "MaxDatapoints", true, 1) ?? MAX_DATAPOINTS;
  const token = optString(input, "NextToken");
  const offset = token === undefined ? 0 : decodeOffset(token);
  const all = queries.map((q, i) => ({ q, s: series(region, q, i + 1, { start, end }, now, engine) }));
  const ids = all.map((x) => x.s.id);
  if (new Set(ids).size !== ids.length)
    throw validationError("The values for parameter Id in MetricDataQueries are not unique.");
  // Datapoints are paged across the queries in order: this page holds [offset, offset + max).
  let seen = 0;
  let total = 0;
  const results = all
    .filter(({ q }) => q.ReturnData !== false && q.ReturnData !== "false")
    .map(({ s }) => {
      const ordered = ascending ? s.points : [...s.points].reverse();
      const from = Math.max(0, offset - seen);
      const page = ordered.slice(from, Math.max(from, offset + max - seen));
      seen += ordered.length;
      total += ordered.length;
      const done = from + page.length >= ordered.length;
      return {
        Id: s.id,
        Label: s.label,
        Timestamps: page.map((p) => new Date(p.at)),
        Values: page.map((p) => p.value),
        StatusCode: done ? "Complete" : "PartialData",
      };
    });
  return {
    MetricDataResults: results,
    NextToken: offset + max < total ? encodeOffset(offset + max) : undefined,
    Messages: [],
  };
}

const encodeOffset = (n: number) => Buffer.from(`qr-metrics:${n}`).toString("base64");
function decodeOffset(token: string): number {
  const m = /^qr-metrics:(\d+)$/.exec(Buffer.from(token, "base64").toString("utf8"));
  if (!m || encodeOffset(Number(m[1])) !== token)
    throw new SandboxError(
      "InvalidNextToken",
      "The service returned an error with Error Code InvalidNextToken.",
      400,
    );
  return Number(m[1]);
}
