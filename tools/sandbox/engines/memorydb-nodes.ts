/**
 * The real engines a MemoryDB cluster needs: one per node, every shard's first node its primary, always
 * cluster mode (the fleet forms the cluster), answering on the node and cluster endpoints DescribeClusters
 * shows, with the dynamic settings of the cluster's MemoryDB parameter group.
 */
import { MEMORYDB_PARAMETERS } from "@/tools/sandbox/memorydb/parameters";
import { clusterEndpointHost, nodeEndpointHost, shardName } from "@/tools/sandbox/memorydb/shapes";
import type { MemoryDbClusterState } from "@/tools/sandbox/memorydb/state";
import { ACCOUNT_ID, type RegionState } from "@/tools/sandbox/model/state";
import type { EngineNodeSpec } from "./node-plan";

/** What the cluster's group says the engine should run with, for the given `CONFIG` names. */
export function memoryDbEngineConfig(
  region: RegionState,
  c: MemoryDbClusterState,
  names: readonly string[],
): Record<string, string> {
  const group = region.memorydb?.parameterGroups.find((g) => g.name === c.parameterGroup);
  const config: Record<string, string> = {};
  if (!group) return config;
  for (const name of names) {
    const value = group.user[name] ?? MEMORYDB_PARAMETERS.find((p) => p.name === name)?.defaultValue;
    if (value !== undefined) config[name] = value;
  }
  return config;
}

/** `<cluster>-<shard>-<nnn>`, as DescribeClusters names a node. */
export const memoryDbNodeName = (c: MemoryDbClusterState, shard: number, node: number) =>
  `${c.name}-${shardName(shard)}-${String(node + 1).padStart(3, "0")}`;

export function memoryDbSpecs(
  region: RegionState,
  names: readonly string[],
  memory: string,
): EngineNodeSpec[] {
  const specs: EngineNodeSpec[] = [];
  for (const c of region.memorydb?.clusters ?? []) {
    const config = { ...memoryDbEngineConfig(region, c, names), maxmemory: memory };
    for (let shard = 0; shard < c.numShards; shard++) {
      const primary = memoryDbNodeName(c, shard, 0);
      for (let node = 0; node <= c.replicasPerShard; node++) {
        const name = memoryDbNodeName(c, shard, node);
        specs.push({
          key: `${ACCOUNT_ID}/${region.region}/memorydb/${name}`,
          accountId: ACCOUNT_ID,
          region: region.region,
          cacheClusterId: name,
          nodeId: "0001",
          replicationGroupId: c.name,
          endpoint: `${nodeEndpointHost(region.region, name, c.name)}:${c.port}`,
          groupEndpoints:
            shard === 0 && node === 0 ? [`${clusterEndpointHost(region.region, c.name)}:${c.port}`] : [],
          role: node === 0 ? "primary" : "replica",
          primaryOf: node === 0 ? undefined : primary,
          clusterEnabled: true,
          shardIndex: shard,
          shardCount: c.numShards,
          authToken: false,
          tls: c.tls,
          config,
        });
      }
    }
  }
  return specs;
}
