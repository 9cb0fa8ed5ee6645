/**
 * Joins a target's facts out of a snapshot: a replication group has no parameter group, security groups,
 * engine version or subnet group of its own; those live on its member cache clusters (DOMAIN §2).
 */
import type { CacheCluster, Engine, ReplicationGroup } from "@/lib/aws/types";
import type { ReadResult, RegionSnapshot } from "@/lib/inventory/snapshot";
import type { TargetChoice } from "@/lib/plan/choices";
import { familyForVersion } from "@/lib/readiness/version";

export interface ResolvedTarget {
  ref: TargetChoice;
  engine: Engine;
  engineVersion: string;
  /** The replication group's status, or the standalone cluster's. */
  status: string;
  clusterEnabled: boolean;
  replicationGroup?: ReplicationGroup;
  /** The member cache clusters (or the standalone cluster itself), in id order. */
  members: CacheCluster[];
  parameterGroupName?: string;
  /** The current group's family, the surest source for a new group's family (DOMAIN §3). */
  family?: string;
  /** As attached to the first member, in AWS's order: `SecurityGroupIds` must repeat them all. */
  securityGroupIds: string[];
  vpcId?: string;
  port?: number;
  globalDatastore: boolean;
}

export type Resolved = { ok: true; target: ResolvedTarget } | { ok: false; message: string };

/** The value of a read, or undefined when the read failed (callers then say "unknown", never guess). */
export function valueOf<T>(read: ReadResult<T>): T | undefined {
  return read.ok ? read.value : undefined;
}

/** The first failed read among those named, as a sentence a person can act on. */
export function readFailure(snapshot: RegionSnapshot, names: (keyof RegionSnapshot)[]): string | undefined {
  for (const name of names) {
    const read = snapshot[name] as ReadResult<unknown>;
    if (!read.ok) return read.problem.message;
  }
  return undefined;
}

function membersOf(rg: ReplicationGroup, clusters: CacheCluster[]): CacheCluster[] {
  return clusters
    .filter((c) => c.replicationGroupId === rg.id || rg.memberClusterIds.includes(c.id))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function portOf(rg: ReplicationGroup | undefined, members: CacheCluster[]): number | undefined {
  return (
    rg?.configurationEndpoint?.port ??
    rg?.nodeGroups[0]?.primaryEndpoint?.port ??
    members.flatMap((m) => m.nodes).find((n) => n.endpoint)?.endpoint?.port
  );
}

export function resolveTarget(snapshot: RegionSnapshot, ref: TargetChoice): Resolved {
  if (ref.region !== snapshot.region)
    return { ok: false, message: `The live state read is for ${snapshot.region}, not ${ref.region}.` };
  const failed = readFailure(snapshot, ["replicationGroups", "cacheClusters"]);
  if (failed) return { ok: false, message: failed };
  const clusters = valueOf(snapshot.cacheClusters) ?? [];
  let rg: ReplicationGroup | undefined;
  let members: CacheCluster[];
  if (ref.kind === "replication-group") {
    rg = (valueOf(snapshot.replicationGroups) ?? []).find((g) => g.id === ref.id);
    if (!rg) return { ok: false, message: `No replication group named ${ref.id} in ${ref.region}.` };
    members = membersOf(rg, clusters);
    if (members.length === 0) return { ok: false, message: `${ref.id} lists no member cache clusters yet.` };
  } else {
    const cluster = clusters.find((c) => c.id === ref.id);
    if (!cluster) return { ok: false, message: `No cache cluster named ${ref.id} in ${ref.region}.` };
    if (cluster.replicationGroupId) {
      return {
        ok: false,
        message: `${ref.id} is a node of ${cluster.replicationGroupId}: choose the replication group.`,
      };
    }
    members = [cluster];
  }
  const first = members[0]!;
  const parameterGroupName = first.parameterGroup?.name;
  const groups = valueOf(snapshot.parameterGroups) ?? [];
  const family =
    groups.find((g) => g.name === parameterGroupName)?.family ??
    familyForVersion(first.engine, first.engineVersion);
  const subnetGroup = (valueOf(snapshot.subnetGroups) ?? []).find(
    (s) => s.name === first.cacheSubnetGroupName,
  );
  return {
    ok: true,
    target: {
      ref,
      engine: rg?.engine ?? first.engine,
      engineVersion: first.engineVersion,
      status: rg?.status ?? first.status,
      clusterEnabled: rg?.clusterEnabled ?? false,
      replicationGroup: rg,
      members,
      parameterGroupName,
      family,
      securityGroupIds: first.securityGroups.map((g) => g.id),
      vpcId: subnetGroup?.vpcId,
      port: portOf(rg, members),
      globalDatastore: Boolean(rg?.globalReplicationGroup),
    },
  };
}

/** Every cache cluster (member or standalone) using a parameter group, reported by cluster name (RG id or cluster id). */
export function clustersUsingGroup(snapshot: RegionSnapshot, groupName: string): string[] {
  const names = new Set<string>();
  for (const c of valueOf(snapshot.cacheClusters) ?? []) {
    if (c.parameterGroup?.name === groupName) names.add(c.replicationGroupId ?? c.id);
  }
  return [...names].sort();
}

/** Every cluster name (RG id or standalone id) with a security group attached. */
export function clustersUsingSecurityGroup(snapshot: RegionSnapshot, groupId: string): string[] {
  const names = new Set<string>();
  for (const c of valueOf(snapshot.cacheClusters) ?? []) {
    if (c.securityGroups.some((g) => g.id === groupId)) names.add(c.replicationGroupId ?? c.id);
  }
  return [...names].sort();
}
