/**
 * Which real engines a sandbox state needs, and how each is configured: one per Redis/Valkey cache node of
 * the seeded account, with its role (primary or replica), its shard, the endpoints it answers and the
 * engine settings its parameter group gives. Pure, so the shape of a fleet is unit-tested without processes.
 */
import { effectiveValue } from "@/tools/sandbox/elasticache/parameter-values";
import {
  configurationEndpointHost,
  nodeHost,
  primaryEndpointHost,
  readerEndpointHost,
} from "@/tools/sandbox/elasticache/endpoints";
import { defaultAccount } from "@/tools/sandbox/model/accounts";
import { memoryDbSpecs } from "./memorydb-nodes";
import {
  ACCOUNT_ID,
  type CacheClusterState,
  type RegionState,
  type SandboxState,
} from "@/tools/sandbox/model/state";

export interface EngineNodeSpec {
  /** `accountId/region/cacheClusterId`: one engine per cache node (Redis clusters have one node each). */
  key: string;
  accountId: string;
  region: string;
  cacheClusterId: string;
  nodeId: string;
  replicationGroupId?: string;
  /** The node's own endpoint, `host:port` as DescribeCacheClusters shows it. */
  endpoint: string;
  /** Group endpoints this node answers (primary, reader, configuration), `host:port`. */
  groupEndpoints: string[];
  role: "primary" | "replica";
  /** For a replica: the cache cluster id of its shard's primary. */
  primaryOf?: string;
  clusterEnabled: boolean;
  shardIndex: number;
  shardCount: number;
  authToken: boolean;
  tls: boolean;
  /** Engine settings (`CONFIG` names) from the parameter group and the node type. */
  config: Record<string, string>;
}

/** Dynamic parameters the sandbox carries from the group to the engine (all exist in Redis 7.0). */
export const DYNAMIC_PARAMETERS = [
  "maxmemory-policy",
  "maxmemory-samples",
  "notify-keyspace-events",
  "timeout",
  "tcp-keepalive",
  "slowlog-log-slower-than",
  "slowlog-max-len",
] as const;

/** ElastiCache's documented maxmemory per node type (bytes); unknown types get the t4g.medium value. */
const MAXMEMORY: Record<string, number> = {
  "cache.t4g.micro": 462_839_808,
  "cache.t4g.small": 1_471_026_299,
  "cache.t4g.medium": 3_317_862_236,
  "cache.m6g.large": 6_854_542_746,
  "cache.r6g.large": 14_037_181_030,
};

/** The maxmemory ElastiCache gives a node of this type (bytes). */
export function maxmemoryOf(nodeType: string): number {
  return MAXMEMORY[nodeType] ?? MAXMEMORY["cache.t4g.medium"]!;
}

/** What the attached group says the engine should run with (the values ElastiCache pushes to nodes). */
export function groupEngineConfig(region: RegionState, cc: CacheClusterState): Record<string, string> {
  const group = region.parameterGroups.find((g) => g.name === cc.parameterGroup);
  const config: Record<string, string> = {};
  if (!group) return config;
  for (const name of DYNAMIC_PARAMETERS) {
    const value = effectiveValue(group, name);
    if (value !== undefined) config[name] = value;
  }
  return config;
}

function specsOfRegion(region: RegionState): EngineNodeSpec[] {
  const specs: EngineNodeSpec[] = [];
  const at = (host: string, port: number) => `${host}:${port}`;
  for (const cc of region.cacheClusters) {
    if (cc.engine === "memcached") continue;
    const rg = region.replicationGroups.find((g) => g.id === cc.replicationGroupId);
    const shardIndex = rg ? rg.shards.findIndex((s) => s.members.includes(cc.id)) : 0;
    const shard = rg?.shards[shardIndex];
    const primary = shard ? shard.members[0]! : cc.id;
    const role = primary === cc.id ? "primary" : "replica";
    const groupEndpoints: string[] = [];
    if (rg && shard && rg.clusterEnabled && role === "primary" && shardIndex === 0)
      groupEndpoints.push(at(configurationEndpointHost(region.region, rg.id), rg.port));
    if (rg && shard && !rg.clusterEnabled) {
      if (role === "primary")
        groupEndpoints.push(at(primaryEndpointHost(region.region, rg.id, shard.id), rg.port));
      // The reader endpoint lands on the first replica, or on the primary when the shard has none.
      if (cc.id === (shard.members[1] ?? shard.members[0]))
        groupEndpoints.push(at(readerEndpointHost(region.region, rg.id, shard.id), rg.port));
    }
    specs.push({
      key: `${ACCOUNT_ID}/${region.region}/${cc.id}`,
      accountId: ACCOUNT_ID,
      region: region.region,
      cacheClusterId: cc.id,
      nodeId: "0001",
      replicationGroupId: rg?.id,
      endpoint: at(nodeHost(region.region, cc.id, "0001"), cc.port),
      groupEndpoints,
      role,
      primaryOf: role === "replica" ? primary : undefined,
      clusterEnabled: rg?.clusterEnabled ?? false,
      shardIndex: Math.max(0, shardIndex),
      shardCount: rg?.shards.length ?? 1,
      authToken: rg?.authToken ?? cc.authToken,
      tls: rg?.transitEncryption ?? cc.transitEncryption,
      config: {
        ...groupEngineConfig(region, cc),
        maxmemory: String(MAXMEMORY[cc.cacheNodeType] ?? MAXMEMORY["cache.t4g.medium"]),
      },
    });
  }
  // MemoryDB nodes run next to ElastiCache's, with MemoryDB's node type memory (db.t4g.small's, as seeded).
  specs.push(...memoryDbSpecs(region, DYNAMIC_PARAMETERS, String(MAXMEMORY["cache.t4g.small"])));
  return specs;
}

/** Every engine the state needs, in state order (primaries before their replicas within a group). */
export function planEngineNodes(state: SandboxState): EngineNodeSpec[] {
  // The management (default) account's nodes only: members stay control-plane, as generated fleets do.
  return Object.values(defaultAccount(state).regions).flatMap(specsOfRegion);
}
