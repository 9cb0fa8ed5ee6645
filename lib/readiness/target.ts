/**
 * The join every rule needs, done once per target: a replication group with its member cache clusters (where
 * the engine version, parameter group and security groups live), a standalone cluster, or a serverless cache,
 * plus the port from its endpoint. Failed reads stay visible as problems so rules answer "unknown".
 */
import type { AwsProblem, CacheCluster, Engine, ReplicationGroup, ServerlessCache } from "@/lib/aws/types";
import type { ReadResult, RegionSnapshot, TargetRef } from "@/lib/inventory/snapshot";
import { indexSnapshot, type SnapshotIndex } from "./snapshot-index";
import { compareVersions } from "./version";

export interface TargetView {
  ref: TargetRef;
  snapshot: RegionSnapshot;
  /** Lookups into `snapshot` (built once per snapshot): rules use it instead of scanning the lists. */
  index: SnapshotIndex;
  region: string;
  /** Absent when DescribeReplicationGroups failed (the target was found through its members). */
  group?: ReplicationGroup;
  groupProblem?: AwsProblem;
  standalone?: CacheCluster;
  serverless?: ServerlessCache;
  /** The nodes carrying engine version, parameter group and security groups ([standalone] for a standalone cluster). */
  members: ReadResult<CacheCluster[]>;
  engine?: Engine;
  /** The lowest version among members: a half-upgraded group is as old as its oldest node. */
  engineVersion?: string;
  status: string;
  port?: number;
  clusterMode: boolean;
}

/** Resolves a target in a snapshot; undefined when the snapshot does not contain it. */
export function resolveTarget(snapshot: RegionSnapshot, ref: TargetRef): TargetView | undefined {
  const index = indexSnapshot(snapshot);
  const base = { ref, snapshot, index, region: snapshot.region, clusterMode: false };
  const clusters = snapshot.cacheClusters;
  if (ref.kind === "serverless") {
    if (!snapshot.serverlessCaches.ok) return undefined;
    const cache = index.serverless.get(ref.id);
    if (!cache) return undefined;
    const members: ReadResult<CacheCluster[]> = { ok: true, value: [] };
    return {
      ...base,
      serverless: cache,
      members,
      engine: cache.engine,
      engineVersion: cache.fullEngineVersion ?? cache.majorEngineVersion,
      status: cache.status,
      port: cache.endpoint?.port,
    };
  }
  if (ref.kind === "cache-cluster") {
    if (!clusters.ok) return undefined;
    const standalone = index.standalone.get(ref.id);
    if (!standalone) return undefined;
    const port =
      standalone.configurationEndpoint?.port ?? standalone.nodes.find((n) => n.endpoint)?.endpoint?.port;
    return {
      ...base,
      standalone,
      members: { ok: true, value: [standalone] },
      engine: standalone.engine,
      engineVersion: standalone.engineVersion,
      status: standalone.status,
      port,
    };
  }
  const groups = snapshot.replicationGroups;
  const group = groups.ok ? index.replicationGroups.get(ref.id) : undefined;
  const members: ReadResult<CacheCluster[]> = clusters.ok
    ? { ok: true, value: [...(index.members.get(ref.id) ?? [])] }
    : clusters;
  if (!group && (!members.ok || members.value.length === 0)) return undefined;
  const nodes = members.ok ? members.value : [];
  const versions = nodes
    .map((m) => m.engineVersion)
    .filter(Boolean)
    .sort(compareVersions);
  const port =
    group?.configurationEndpoint?.port ??
    group?.nodeGroups.find((g) => g.primaryEndpoint)?.primaryEndpoint?.port ??
    nodes.flatMap((m) => m.nodes).find((n) => n.endpoint)?.endpoint?.port;
  return {
    ...base,
    group,
    groupProblem: groups.ok ? (group ? undefined : notListed(ref.id, snapshot.region)) : groups.problem,
    members,
    engine: group?.engine ?? nodes[0]?.engine,
    engineVersion: versions[0],
    status: group?.status ?? "unknown",
    port,
    clusterMode: group?.clusterEnabled ?? false,
  };
}

/** Members name a group the group list lacks: it appeared (or went) between the two reads. */
function notListed(id: string, region: string): AwsProblem {
  return {
    code: "not-found",
    message: `DescribeReplicationGroups did not list ${id} although its member clusters exist; it is probably being created or deleted. Refresh in a minute.`,
    operation: "DescribeReplicationGroups",
    region,
    retryable: true,
  };
}

/** Every target in a snapshot: replication groups (also those seen only through members), standalone clusters, serverless caches. */
export function listTargets(snapshot: RegionSnapshot): TargetRef[] {
  const region = snapshot.region;
  const groupIds = new Set<string>(
    snapshot.replicationGroups.ok ? snapshot.replicationGroups.value.map((g) => g.id) : [],
  );
  const refs: TargetRef[] = [];
  if (snapshot.cacheClusters.ok) {
    for (const c of snapshot.cacheClusters.value) {
      if (c.replicationGroupId) groupIds.add(c.replicationGroupId);
      else refs.push({ kind: "cache-cluster", region, id: c.id });
    }
  }
  const groupRefs = [...groupIds].map((id): TargetRef => ({ kind: "replication-group", region, id }));
  const serverless = snapshot.serverlessCaches.ok
    ? snapshot.serverlessCaches.value.map((c): TargetRef => ({ kind: "serverless", region, id: c.name }))
    : [];
  return [...groupRefs, ...refs, ...serverless];
}

/** The names of the parameter groups the target's members report (normally one). */
export function attachedGroupNames(t: TargetView): string[] {
  if (!t.members.ok) return [];
  return [...new Set(t.members.value.flatMap((m) => (m.parameterGroup ? [m.parameterGroup.name] : [])))];
}

/** `DescribeCacheClusters` problem, or a plain one when the members are simply missing from the answer. */
export function membersProblem(t: TargetView): AwsProblem | undefined {
  if (!t.members.ok) return t.members.problem;
  if (t.members.value.length > 0) return undefined;
  return {
    code: "not-found",
    message: `DescribeCacheClusters returned no member clusters for ${t.ref.id}; it may still be creating. Refresh in a minute.`,
    operation: "DescribeCacheClusters",
    region: t.region,
    retryable: true,
  };
}

/** The VPC: member's subnet group → DescribeCacheSubnetGroups; for serverless, the VPC of its security groups. */
export function vpcIdOf(t: TargetView): string | undefined {
  const s = t.snapshot;
  if (t.serverless) {
    const ids = new Set(t.serverless.securityGroupIds);
    return s.securityGroups.ok ? s.securityGroups.value.find((g) => ids.has(g.id))?.vpcId : undefined;
  }
  const subnetGroup = t.members.ok
    ? t.members.value.find((m) => m.cacheSubnetGroupName)?.cacheSubnetGroupName
    : undefined;
  if (!subnetGroup || !s.subnetGroups.ok) return undefined;
  return t.index.subnetGroups.get(subnetGroup)?.vpcId;
}
