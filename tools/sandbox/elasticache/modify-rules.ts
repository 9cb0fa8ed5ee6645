/**
 * The checks ModifyReplicationGroup and ModifyCacheCluster share: the new parameter group must be of
 * the cluster's family and agree on `cluster-enabled`; `SecurityGroupIds` must name groups of the
 * cluster's VPC (the list replaces the old one).
 */
import { invalidCombination, invalidValue } from "@/tools/sandbox/errors";
import type {
  CacheClusterState,
  RegionState,
  SecurityGroupMembershipState,
} from "@/tools/sandbox/model/state";
import { effectiveValue, findParameterGroup } from "./parameter-values";

/** Validates a parameter group change; returns the stored (lowercase) name. */
export function checkParameterGroupChange(
  region: RegionState,
  current: string,
  requested: string,
  clusterEnabled: boolean,
  target: string,
): string {
  const next = findParameterGroup(region, requested);
  const now = region.parameterGroups.find((g) => g.name === current);
  if (now && now.family !== next.family) {
    throw invalidCombination(
      `Expected a parameter group of family ${now.family} but found one of family ${next.family}`,
    );
  }
  if (now?.family.startsWith("memcached")) return next.name;
  const wanted = clusterEnabled ? "yes" : "no";
  const actual = effectiveValue(next, "cluster-enabled") ?? "no";
  if (actual !== wanted) {
    throw invalidCombination(
      `The parameter group ${next.name} has cluster-enabled=${actual} but ${target} has cluster mode ${clusterEnabled ? "enabled" : "disabled"}; ` +
        "the cluster-enabled parameter of the new group must match.",
    );
  }
  return next.name;
}

/** Validates `SecurityGroupIds` against the cluster's VPC; returns the deduplicated list. */
export function checkSecurityGroups(region: RegionState, subnetGroup: string, ids: string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw invalidValue("SecurityGroupIds must name at least one security group.");
  const vpcId = region.cacheSubnetGroups.find((g) => g.name === subnetGroup)?.vpcId;
  const unknown = unique.filter((id) => !region.securityGroups.some((sg) => sg.id === id));
  if (unknown.length) throw invalidValue(`Some security group Id(s) are not valid: ${unknown.join(", ")}`);
  const foreign = unique.filter((id) => region.securityGroups.find((sg) => sg.id === id)!.vpcId !== vpcId);
  if (foreign.length) {
    throw invalidValue(
      `The security group(s) ${foreign.join(", ")} do not belong to the VPC ${vpcId} of the cache subnet group ${subnetGroup}.`,
    );
  }
  return unique;
}

export function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The membership list while a replacement applies: new ids `adding`, dropped ids `removing`. */
export function replaceMemberships(
  current: SecurityGroupMembershipState[],
  next: string[],
): SecurityGroupMembershipState[] {
  const kept = current.filter((m) => m.status !== "removing");
  const staying = next.map((id) =>
    kept.some((m) => m.id === id) ? { id, status: "active" } : { id, status: "adding" },
  );
  const leaving = kept.filter((m) => !next.includes(m.id)).map((m) => ({ id: m.id, status: "removing" }));
  return [...staying, ...leaving];
}

export function activeSecurityGroupIds(cc: CacheClusterState): string[] {
  return cc.securityGroups.filter((m) => m.status !== "removing").map((m) => m.id);
}

/** Modification fields the sandbox does not simulate: refused with a 4xx so a client never thinks they applied. */
export const UNSUPPORTED_FIELDS = [
  "EngineVersion",
  "CacheNodeType",
  "AuthToken",
  "AuthTokenUpdateStrategy",
  "NumCacheNodes",
  "CacheNodeIdsToRemove",
  "TransitEncryptionEnabled",
  "TransitEncryptionMode",
  "ClusterMode",
  "PrimaryClusterId",
  "AutomaticFailoverEnabled",
  "MultiAZEnabled",
  "UserGroupIdsToAdd",
  "UserGroupIdsToRemove",
  "RemoveUserGroups",
  "Engine",
  "NewAvailabilityZones",
  "ScaleConfig",
  "CacheSecurityGroupNames",
  "NodeGroupId",
  "IpDiscovery",
  "Durability",
];
