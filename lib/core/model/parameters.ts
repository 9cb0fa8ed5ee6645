/**
 * A parameter's effective value in a group, the one answer the rules and the planner share. A `default.*`
 * group holds its family defaults for good (nobody can modify one), so it is known without a read. A custom
 * group read without `Source` that has no row for a parameter runs the family default too (docs/aws-facts.md §2: a
 * new group is a copy of the family defaults); the reading says the value was assumed, not reported.
 */
import { isDefaultParameterGroup, type AwsProblem } from "./resources";
import type { ReadResult, Snapshot } from "./snapshot";
import { indexSnapshot } from "./snapshot-index";
import { familyOfGroup } from "./target-view";

/** What a group created from a family's defaults holds (docs/aws-facts.md §2). */
export const FAMILY_DEFAULTS: Record<string, string> = {
  "maxmemory-policy": "volatile-lru",
  "cluster-enabled": "no",
};

export const FAMILY_DEFAULT_POLICY = FAMILY_DEFAULTS["maxmemory-policy"]!;

export interface ParameterReading {
  value: string;
  /** False when AWS reported no value and the family default was assumed. */
  reported: boolean;
  /** `system`, `user`, `engine-default` as AWS sent it. */
  source?: string;
  /** Set for an AWS default group: its value is the fixed family default, known without a read. */
  fixedDefault?: { family: string };
}

/** The effective value of `parameter` in `groupName`, or the failed (or missing) read behind it. */
export function readParameter(
  snapshot: Snapshot,
  groupName: string,
  parameter: string,
  service: "elasticache" | "memorydb" = "elasticache",
): ReadResult<ParameterReading> {
  if (service === "memorydb") return readMemoryDbParameter(snapshot, groupName, parameter);
  const fallback = FAMILY_DEFAULTS[parameter];
  if (isDefaultParameterGroup(groupName)) {
    const family = familyOfGroup(indexSnapshot(snapshot), groupName) ?? groupName.slice("default.".length);
    // `default.*.cluster.on` groups are the cluster-mode flavour of the family defaults.
    const clusterOn = parameter === "cluster-enabled" && groupName.endsWith(".cluster.on");
    if (fallback !== undefined)
      return {
        ok: true,
        value: { value: clusterOn ? "yes" : fallback, reported: false, fixedDefault: { family } },
      };
  }
  const read = snapshot.parameters[groupName];
  if (!read) return { ok: false, problem: notRead(groupName, snapshot.region) };
  if (!read.ok) return read;
  const row = read.value.find((p) => p.name === parameter);
  if (row?.value) return { ok: true, value: { value: row.value, reported: true, source: row.source } };
  if (fallback !== undefined)
    return { ok: true, value: { value: fallback, reported: false, source: row?.source } };
  return {
    ok: false,
    problem: {
      ...notRead(groupName, snapshot.region),
      message: `${groupName} reports no ${parameter} value.`,
    },
  };
}

/** The group's `maxmemory-policy`: what BullMQ needs to be `noeviction`. */
export function readPolicy(
  snapshot: Snapshot,
  groupName: string,
  service: "elasticache" | "memorydb" = "elasticache",
): ReadResult<ParameterReading> {
  return readParameter(snapshot, groupName, "maxmemory-policy", service);
}

/**
 * A MemoryDB group's value as DescribeParameters reported it. MemoryDB lists every parameter with its
 * effective value and its default groups are read like any other (their values differ from ElastiCache's:
 * `noeviction`), so nothing is assumed: a missing row is a problem, not a default.
 */
function readMemoryDbParameter(
  snapshot: Snapshot,
  groupName: string,
  parameter: string,
): ReadResult<ParameterReading> {
  const notReadHere = {
    ...notRead(groupName, snapshot.region),
    operation: "DescribeParameters",
  };
  const read = snapshot.memorydb?.parameters[groupName];
  if (!read) return { ok: false, problem: notReadHere };
  if (!read.ok) return read;
  const row = read.value.find((p) => p.name === parameter);
  if (row?.value) return { ok: true, value: { value: row.value, reported: true } };
  return { ok: false, problem: { ...notReadHere, message: `${groupName} reports no ${parameter} value.` } };
}

function notRead(groupName: string, region: string): AwsProblem {
  return {
    code: "unknown",
    message: `The parameters of ${groupName} were not read in ${region}; refresh the audit.`,
    operation: "DescribeCacheParameters",
    region,
    retryable: true,
  };
}
