/**
 * Reading a parameter group's eviction policy and its users out of a snapshot. A group still on the family
 * default reports `volatile-lru` (DOMAIN.md section 3); when AWS reports no value at all, that default is what
 * the node runs, so it is what the audit assumes and says so in the evidence. A `default.*` group is never
 * read at all (lib/audit skips it): nobody can modify one, so it always holds the family default.
 */
import type { AwsProblem } from "@/lib/aws/types";
import { isDefaultParameterGroup } from "@/lib/aws/types";
import type { ReadResult, RegionSnapshot } from "@/lib/inventory/snapshot";
import { familyForVersion } from "./version";
import { indexSnapshot } from "./snapshot-index";
import type { TargetView } from "./target";

export const FAMILY_DEFAULT_POLICY = "volatile-lru";

export interface PolicyReading {
  value: string;
  /** False when AWS reported no value and the family default was assumed. */
  reported: boolean;
  /** `system`, `user`, `engine-default` as AWS sent it. */
  source?: string;
  /** Set for an AWS default group: its value is the fixed family default, known without a read. */
  fixedDefault?: { family: string };
}

/** The group's `maxmemory-policy`, or the failed read (elasticache:DescribeCacheParameters) behind it. */
export function readPolicy(snapshot: RegionSnapshot, groupName: string): ReadResult<PolicyReading> {
  if (isDefaultParameterGroup(groupName)) {
    // Neither collector reads a default group's parameters (lib/audit, lib/apply): a read could only say the same.
    const family = familyOf(snapshot, groupName) ?? groupName.slice("default.".length);
    return { ok: true, value: { value: FAMILY_DEFAULT_POLICY, reported: false, fixedDefault: { family } } };
  }
  const read = snapshot.parameters[groupName];
  if (!read) return { ok: false, problem: notRead(groupName, snapshot.region) };
  if (!read.ok) return read;
  const row = read.value.find((p) => p.name === "maxmemory-policy");
  if (!row?.value)
    return { ok: true, value: { value: FAMILY_DEFAULT_POLICY, reported: false, source: row?.source } };
  return { ok: true, value: { value: row.value, reported: true, source: row.source } };
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

/**
 * The family of a group: from DescribeCacheParameterGroups when read, else from a default group's name
 * (`default.redis7.cluster.on` → `redis7`), else from the target's engine version.
 */
export function familyOf(snapshot: RegionSnapshot, groupName: string, t?: TargetView): string | undefined {
  const listed = snapshot.parameterGroups.ok
    ? indexSnapshot(snapshot).parameterGroups.get(groupName)
    : undefined;
  if (listed) return listed.family;
  const fromName = /^default\.(.+?)(\.cluster\.on)?$/.exec(groupName)?.[1];
  if (fromName) return fromName;
  if (t?.engineVersion && t.engine) return familyForVersion(t.engine, t.engineVersion);
  return undefined;
}

/** Ids of the clusters (replication groups and standalone clusters) whose nodes use this group. */
export function groupUsers(snapshot: RegionSnapshot, groupName: string): string[] {
  if (!snapshot.cacheClusters.ok) return [];
  return [...(indexSnapshot(snapshot).parameterGroupUsers.get(groupName) ?? [])];
}

/**
 * The summary the status page, the CLI and the exports show for a cluster's group. Memcached has no
 * `maxmemory-policy` at all, so its summary carries none (rather than the Redis family default).
 */
export function groupSummary(
  t: TargetView,
  groupName: string,
): { name: string; family?: string; policy?: string; isDefault: boolean } {
  const family = familyOf(t.snapshot, groupName, t);
  const memcached = t.engine === "memcached" || family?.startsWith("memcached") === true;
  const policy = memcached ? undefined : readPolicy(t.snapshot, groupName);
  return {
    name: groupName,
    family,
    ...(policy?.ok ? { policy: policy.value.value } : {}),
    isDefault: isDefaultParameterGroup(groupName),
  };
}
