/**
 * A parameter group as the rules see it: its effective policy (lib/core/model/parameters.ts decides what a
 * missing row or a default group means), its family and the clusters that share it.
 */
import { isDefaultParameterGroup } from "@/lib/core/model/resources";
import { readPolicy } from "@/lib/core/model/parameters";
import type { Snapshot } from "@/lib/core/model/snapshot";
import { indexSnapshot } from "@/lib/core/model/snapshot-index";
import { familyOfGroup } from "@/lib/core/model/target-view";
import { parameterGroupUsers } from "@/lib/core/model/shared-groups";
import { memoryDbGroupFamily, memoryDbGroupUsers } from "@/lib/core/model/memorydb-view";
import type { TargetView } from "./target";

export {
  FAMILY_DEFAULT_POLICY,
  readPolicy,
  type ParameterReading as PolicyReading,
} from "@/lib/core/model/parameters";

/** The family of a group: as listed, else from a default group's name, else the target's own family. */
export function familyOf(snapshot: Snapshot, groupName: string, t?: TargetView): string | undefined {
  if (t?.service === "memorydb") return memoryDbGroupFamily(snapshot, groupName) ?? t.family;
  return familyOfGroup(indexSnapshot(snapshot), groupName) ?? t?.family;
}

/** Ids of the clusters (replication groups and standalone clusters) whose nodes use this group. */
export function groupUsers(
  snapshot: Snapshot,
  groupName: string,
  service: "elasticache" | "memorydb" = "elasticache",
): string[] {
  if (service === "memorydb") return memoryDbGroupUsers(snapshot, groupName);
  return parameterGroupUsers(snapshot, groupName);
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
  const policy = memcached ? undefined : readPolicy(t.snapshot, groupName, t.service);
  return {
    name: groupName,
    family,
    ...(policy?.ok ? { policy: policy.value.value } : {}),
    isDefault: isDefaultParameterGroup(groupName),
  };
}
