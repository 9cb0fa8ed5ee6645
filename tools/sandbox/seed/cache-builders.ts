/**
 * Builders for the ElastiCache side of a seeded region: parameter groups, replication groups with
 * their member clusters, standalone clusters and serverless caches, named the way AWS names them.
 */
import { FAMILIES } from "./parameter-catalogue";
import type { CacheClusterState, RegionState } from "@/tools/sandbox/model/state";

export const SEED_TIME = Date.UTC(2025, 0, 15, 9, 30, 0);

/** `us-east-1` -> `use1`, as in ElastiCache endpoint host names. */
export function regionCode(region: string): string {
  const [a = "", b = "", c = ""] = region.split("-");
  return `${a}${b.charAt(0)}${c}`;
}

const DEFAULT_GROUPS = ["redis4.0", "redis5.0", "redis6.x", "redis7", "valkey7", "valkey8", "memcached1.6"];
/** Families whose cluster-mode default group exists (`default.<family>.cluster.on`). */
const CLUSTER_ON = ["redis4.0", "redis5.0", "redis6.x", "redis7", "valkey7", "valkey8"];

export function addDefaultParameterGroups(region: RegionState): void {
  for (const family of DEFAULT_GROUPS) {
    const info = FAMILIES.find((f) => f.family === family)!;
    const description = `Default parameter group for ${family}`;
    region.parameterGroups.push({
      name: `default.${family}`,
      family,
      description,
      isDefault: true,
      system: {},
      user: {},
    });
    if (CLUSTER_ON.includes(family) && info.engine !== "memcached") {
      region.parameterGroups.push({
        name: `default.${family}.cluster.on`,
        family,
        description: `Customized default parameter group for ${family} with cluster mode on`,
        isDefault: true,
        system: { "cluster-enabled": "yes" },
        user: {},
      });
    }
  }
}

export function addCustomGroup(
  region: RegionState,
  name: string,
  family: string,
  user: Record<string, string>,
  description?: string,
): void {
  region.parameterGroups.push({
    name,
    family,
    description: description ?? `${name} (${family})`,
    isDefault: false,
    system: {},
    user,
  });
}

export interface ClusterSeed {
  id: string;
  engine: "redis" | "valkey" | "memcached";
  version: string;
  group: string;
  subnetGroup: string;
  securityGroups: string[];
  port?: number;
  nodeType?: string;
  status?: string;
  tls?: boolean;
  auth?: boolean;
}

/** One cache cluster (a replication group member or a standalone cluster). */
export function makeCluster(
  region: RegionState,
  seed: ClusterSeed,
  extra: Partial<CacheClusterState>,
  azIndex: number,
): CacheClusterState {
  const azs = region.subnets.filter((s) =>
    region.cacheSubnetGroups.find((g) => g.name === seed.subnetGroup)?.subnetIds.includes(s.id),
  );
  const cluster: CacheClusterState = {
    id: seed.id,
    engine: seed.engine,
    engineVersion: seed.version,
    status: seed.status ?? "available",
    cacheNodeType: seed.nodeType ?? "cache.t4g.medium",
    numNodes: 1,
    port: seed.port ?? 6379,
    parameterGroup: seed.group,
    paramApplyStatus: "in-sync",
    nodesToReboot: [],
    securityGroups: seed.securityGroups.map((id) => ({ id, status: "active" })),
    subnetGroup: seed.subnetGroup,
    availabilityZone: azs[azIndex % Math.max(1, azs.length)]?.availabilityZone ?? `${region.region}a`,
    transitEncryption: seed.tls ?? false,
    atRestEncryption: seed.tls ?? false,
    authToken: seed.auth ?? false,
    createdAt: SEED_TIME,
    ...extra,
  };
  region.cacheClusters.push(cluster);
  return cluster;
}

export interface ReplicationSeed extends ClusterSeed {
  engine: "redis" | "valkey";
  shards: number;
  nodesPerShard: number;
  clusterEnabled?: boolean;
}

export function addReplicationGroup(region: RegionState, seed: ReplicationSeed): void {
  const clusterEnabled = seed.clusterEnabled ?? false;
  const shards = Array.from({ length: seed.shards }, (_, s) => {
    const shardId = String(s + 1).padStart(4, "0");
    const members = Array.from({ length: seed.nodesPerShard }, (_, n) => {
      const suffix = String(n + 1).padStart(3, "0");
      const memberId = clusterEnabled ? `${seed.id}-${shardId}-${suffix}` : `${seed.id}-${suffix}`;
      makeCluster(region, { ...seed, id: memberId }, { replicationGroupId: seed.id }, n);
      return memberId;
    });
    return { id: shardId, members };
  });
  region.replicationGroups.push({
    id: seed.id,
    description: `${seed.id} ${seed.engine}`,
    status: seed.status ?? "available",
    engine: seed.engine,
    clusterEnabled,
    cacheNodeType: seed.nodeType ?? "cache.t4g.medium",
    port: seed.port ?? 6379,
    transitEncryption: seed.tls ?? false,
    atRestEncryption: seed.tls ?? false,
    authToken: seed.auth ?? false,
    shards,
    createdAt: SEED_TIME,
  });
}

export function addStandalone(region: RegionState, seed: ClusterSeed, nodes = 1): void {
  makeCluster(region, seed, { numNodes: nodes }, 0);
}

export function addServerless(
  region: RegionState,
  name: string,
  engine: "redis" | "valkey",
  major: string,
  full: string,
  securityGroupIds: string[],
  subnetIds: string[],
): void {
  region.serverlessCaches.push({
    name,
    description: `${name} serverless cache`,
    engine,
    majorEngineVersion: major,
    fullEngineVersion: full,
    status: "available",
    port: 6379,
    securityGroupIds,
    subnetIds,
    createdAt: SEED_TIME,
  });
}
