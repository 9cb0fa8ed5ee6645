import type {
  CacheCluster,
  CacheSubnetGroup,
  Engine,
  ReplicationGroup,
  ServerlessCache,
} from "@/lib/aws/types";
import type { TargetRef } from "@/lib/inventory/snapshot";

/** One line of the status table: a replication group, a standalone cluster or a serverless cache. */
export interface StatusRow {
  ref: TargetRef;
  name: string;
  kind: TargetRef["kind"];
  engine?: Engine;
  /** Full version; a replication group's comes from its first member, serverless shows its major version. */
  engineVersion?: string;
  status: string;
  /** Distinct groups across members; more than one means members disagree (e.g. mid-change). */
  parameterGroups: string[];
  vpcId?: string;
  /** e.g. "1 shard × 2 nodes", "cluster mode · 2 shards × 2 nodes", "2 nodes", "serverless". */
  topology: string;
}

export interface StatusInputs {
  region: string;
  replicationGroups: ReplicationGroup[];
  cacheClusters: CacheCluster[];
  serverlessCaches: ServerlessCache[];
  /** Empty when the subnet-group read failed: VPCs are then left blank, never guessed. */
  subnetGroups: CacheSubnetGroup[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

/**
 * Joins the reads of one region into table rows (DOMAIN.md §2): a replication group's version,
 * parameter group and subnet group live on its member clusters; the VPC comes through the subnet group.
 * Serverless caches have no subnet group, so their VPC is found through a subnet group sharing a subnet.
 */
export function buildStatusRows(input: StatusInputs): StatusRow[] {
  const clustersById = new Map(input.cacheClusters.map((c) => [c.id, c]));
  const vpcOfSubnetGroup = new Map(input.subnetGroups.map((g) => [g.name, g.vpcId]));
  const vpcOfSubnet = new Map(
    input.subnetGroups.flatMap((g) => g.subnetIds.map((s) => [s, g.vpcId] as const)),
  );
  const rows: StatusRow[] = [];

  for (const rg of input.replicationGroups) {
    const members = rg.memberClusterIds
      .map((id) => clustersById.get(id))
      .filter((c): c is CacheCluster => Boolean(c));
    const first = members[0];
    const shards = rg.nodeGroups.length;
    const nodes = rg.memberClusterIds.length;
    const perShard = shards > 0 ? Math.round(nodes / shards) : nodes;
    rows.push({
      ref: { kind: "replication-group", region: input.region, id: rg.id },
      name: rg.id,
      kind: "replication-group",
      engine: rg.engine ?? first?.engine,
      engineVersion: first?.engineVersion,
      status: rg.status,
      parameterGroups: distinct(members.map((m) => m.parameterGroup?.name)),
      vpcId: first?.cacheSubnetGroupName ? vpcOfSubnetGroup.get(first.cacheSubnetGroupName) : undefined,
      topology: `${rg.clusterEnabled ? "cluster mode · " : ""}${plural(shards, "shard")} × ${plural(perShard, "node")}`,
    });
  }

  for (const c of input.cacheClusters) {
    if (c.replicationGroupId) continue;
    rows.push({
      ref: { kind: "cache-cluster", region: input.region, id: c.id },
      name: c.id,
      kind: "cache-cluster",
      engine: c.engine,
      engineVersion: c.engineVersion,
      status: c.status,
      parameterGroups: distinct([c.parameterGroup?.name]),
      vpcId: c.cacheSubnetGroupName ? vpcOfSubnetGroup.get(c.cacheSubnetGroupName) : undefined,
      topology: plural(c.numCacheNodes, "node"),
    });
  }

  for (const s of input.serverlessCaches) {
    rows.push({
      ref: { kind: "serverless", region: input.region, id: s.name },
      name: s.name,
      kind: "serverless",
      engine: s.engine,
      engineVersion: s.fullEngineVersion ?? s.majorEngineVersion,
      status: s.status,
      parameterGroups: [],
      vpcId: s.subnetIds.map((id) => vpcOfSubnet.get(id)).find(Boolean),
      topology: "serverless",
    });
  }

  return rows.sort((a, b) => a.name.localeCompare(b.name));
}
