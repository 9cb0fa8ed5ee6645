/**
 * Builders for the MemoryDB side of a seeded region: subnet groups, custom parameter groups, ACLs and
 * clusters (TLS on, as MemoryDB creates them by default), plus the set of three every seeded estate
 * account shows: one on the family's default group (noeviction), one on a custom `volatile-lru` group,
 * and a Valkey one.
 */
import { defaultGroupName, familyFor } from "@/tools/sandbox/memorydb/families";
import { memoryDbOf, type MemoryDbClusterState, type MemoryDbEngine } from "@/tools/sandbox/memorydb/state";
import type { RegionState } from "@/tools/sandbox/model/state";
import { SEED_TIME } from "./cache-builders";
import { subnetIdsOf } from "./network-builders";

export function addMemoryDbSubnetGroup(
  r: RegionState,
  name: string,
  vpcId: string,
  description: string,
): void {
  memoryDbOf(r).subnetGroups.push({ name, description, vpcId, subnetIds: subnetIdsOf(r, vpcId) });
}

export function addMemoryDbGroup(
  r: RegionState,
  name: string,
  family: string,
  user: Record<string, string>,
  description: string,
): void {
  memoryDbOf(r).parameterGroups.push({ name, family, description, isDefault: false, user });
}

export interface MemoryDbClusterSeed {
  name: string;
  engine: MemoryDbEngine;
  /** The patch version, e.g. `7.1.0`; the API's EngineVersion is its major.minor. */
  version: string;
  /** Absent: the family's default group. */
  group?: string;
  subnetGroup: string;
  securityGroups: string[];
  shards?: number;
  replicas?: number;
  acl?: string;
  tls?: boolean;
  port?: number;
}

export function addMemoryDbCluster(r: RegionState, seed: MemoryDbClusterSeed): MemoryDbClusterState {
  const family = familyFor(seed.engine, seed.version);
  if (!family) throw new Error(`No MemoryDB family serves ${seed.engine} ${seed.version}.`);
  const cluster: MemoryDbClusterState = {
    name: seed.name,
    description: `${seed.name} (${seed.engine} ${seed.version})`,
    status: "available",
    engine: seed.engine,
    engineVersion: seed.version.split(".").slice(0, 2).join("."),
    enginePatchVersion: seed.version,
    nodeType: "db.t4g.small",
    port: seed.port ?? 6379,
    parameterGroup: seed.group ?? defaultGroupName(family),
    parameterGroupStatus: "in-sync",
    securityGroups: seed.securityGroups.map((id) => ({ id, status: "active" })),
    subnetGroup: seed.subnetGroup,
    tls: seed.tls ?? true,
    aclName: seed.acl ?? "open-access",
    numShards: seed.shards ?? 1,
    replicasPerShard: seed.replicas ?? 1,
    createdAt: SEED_TIME,
  };
  memoryDbOf(r).clusters.push(cluster);
  return cluster;
}

/**
 * The three MemoryDB clusters of a seeded account (`<prefix>-memdb-default`, `-lru`, `-valkey`) in the
 * given VPC, reachable through `securityGroup`; the LRU one uses an ACL with a `bullmq` user.
 */
export function addMemoryDbTrio(r: RegionState, prefix: string, vpcId: string, securityGroup: string): void {
  const subnetGroup = `${prefix}-memorydb-subnets`;
  addMemoryDbSubnetGroup(r, subnetGroup, vpcId, `${prefix} MemoryDB subnets`);
  const lruGroup = `${prefix}-memdb-lru`;
  addMemoryDbGroup(
    r,
    lruGroup,
    "memorydb_redis7",
    { "maxmemory-policy": "volatile-lru" },
    "LRU cache settings",
  );
  memoryDbOf(r).acls.push({ name: `${prefix}-app-acl`, userNames: ["default", "bullmq"] });
  const common = { subnetGroup, securityGroups: [securityGroup] };
  addMemoryDbCluster(r, { ...common, name: `${prefix}-memdb-default`, engine: "redis", version: "7.1.0" });
  addMemoryDbCluster(r, {
    ...common,
    name: `${prefix}-memdb-lru`,
    engine: "redis",
    version: "7.1.0",
    group: lruGroup,
    shards: 2,
    acl: `${prefix}-app-acl`,
  });
  addMemoryDbCluster(r, { ...common, name: `${prefix}-memdb-valkey`, engine: "valkey", version: "7.2.6" });
}
