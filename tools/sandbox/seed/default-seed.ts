/**
 * The seeded account of tools/sandbox/SEED.md, built deterministically. Tests and the readiness
 * integration rely on these exact ids, names and values: change SEED.md first, then this.
 */
import { standaloneState } from "@/tools/sandbox/model/accounts";
import { emptyRegion, type RegionState, type SandboxState } from "@/tools/sandbox/model/state";
import {
  addCustomGroup,
  addDefaultParameterGroups,
  addReplicationGroup,
  addServerless,
  addStandalone,
} from "./cache-builders";
import { addMemoryDbTrio } from "./memorydb-builders";
import { addSecurityGroup, addSubnetGroup, addVpc, subnetIdsOf, tcp } from "./network-builders";
import { addAlarm, setMemoryPercent } from "./alarm-builders";
import { addStack, CFN_TYPES } from "./stack-builders";

const PROD = "vpc-0prod00000000001";
const STAGING = "vpc-0stag00000000002";
const APP = "sg-0app000000000001";
const CACHE = "sg-0cache00000000001";
const CACHE_OPEN = "sg-0cache00000000002";
const CACHE_NO_REDIS = "sg-0cache00000000003";
const STAG_CACHE = "sg-0stagcache000001";

function usEast1(): RegionState {
  const r = emptyRegion("us-east-1");
  addVpc(r, PROD, "prod", "10.0.0.0/16", [
    ["10.0.1.0/24", "us-east-1a"],
    ["10.0.2.0/24", "us-east-1b"],
    ["10.0.3.0/24", "us-east-1c"],
  ]);
  addVpc(r, STAGING, "staging", "10.1.0.0/16", [
    ["10.1.1.0/24", "us-east-1a"],
    ["10.1.2.0/24", "us-east-1b"],
  ]);
  addVpc(
    r,
    "vpc-0dflt00000000003",
    undefined,
    "172.31.0.0/16",
    [
      ["172.31.0.0/20", "us-east-1a"],
      ["172.31.16.0/20", "us-east-1b"],
    ],
    true,
  );
  addSecurityGroup(r, APP, "orders-api", "orders API (the application)", PROD, [
    tcp(443, { cidr: "0.0.0.0/0" }, "HTTPS from anywhere"),
  ]);
  addSecurityGroup(r, CACHE, "cache-prod", "prod cache access", PROD, [
    tcp(6379, { group: APP }, "orders-api to redis"),
  ]);
  addSecurityGroup(r, CACHE_OPEN, "cache-prod-open", "prod cache, open", PROD, [
    tcp(6379, { cidr: "0.0.0.0/0" }),
  ]);
  addSecurityGroup(r, CACHE_NO_REDIS, "cache-no-redis", "prod cache without a redis rule", PROD, [
    tcp(22, { cidr: "10.0.0.0/16" }, "ssh from the VPC"),
  ]);
  addSecurityGroup(r, "sg-0stagapp00000001", "staging-app", "staging application", STAGING, []);
  addSecurityGroup(r, STAG_CACHE, "cache-staging", "staging cache access", STAGING, [
    tcp(6379, { cidr: "10.1.0.0/16" }),
  ]);
  addSubnetGroup(r, "prod-cache-subnets", PROD, "prod cache subnets");
  addSubnetGroup(r, "staging-cache-subnets", STAGING, "staging cache subnets");

  addDefaultParameterGroups(r);
  addCustomGroup(r, "bullmq-valkey8", "valkey8", { "maxmemory-policy": "noeviction" }, "BullMQ: noeviction");
  addCustomGroup(
    r,
    "shared-lru-redis6",
    "redis6.x",
    { "maxmemory-policy": "allkeys-lru" },
    "shared LRU cache settings",
  );
  addCustomGroup(
    r,
    "secure-noeviction",
    "redis7",
    { "maxmemory-policy": "noeviction" },
    "TLS clusters, noeviction",
  );

  const prod = { subnetGroup: "prod-cache-subnets", securityGroups: [CACHE] };
  addReplicationGroup(r, {
    ...prod,
    id: "orders-redis7",
    engine: "redis",
    version: "7.1.0",
    group: "default.redis7",
    shards: 1,
    nodesPerShard: 2,
  });
  addReplicationGroup(r, {
    ...prod,
    id: "events-cluster",
    engine: "redis",
    version: "7.1.0",
    group: "default.redis7.cluster.on",
    securityGroups: [CACHE_NO_REDIS],
    shards: 2,
    nodesPerShard: 2,
    clusterEnabled: true,
  });
  addReplicationGroup(r, {
    ...prod,
    id: "jobs-valkey8",
    engine: "valkey",
    version: "8.0.1",
    group: "bullmq-valkey8",
    shards: 1,
    nodesPerShard: 2,
  });
  addReplicationGroup(r, {
    ...prod,
    id: "sessions-redis62",
    engine: "redis",
    version: "6.2.6",
    group: "shared-lru-redis6",
    shards: 1,
    nodesPerShard: 2,
  });
  addReplicationGroup(r, {
    id: "cache-redis62",
    engine: "redis",
    version: "6.2.6",
    group: "shared-lru-redis6",
    subnetGroup: "staging-cache-subnets",
    securityGroups: [STAG_CACHE],
    shards: 1,
    nodesPerShard: 1,
  });
  addReplicationGroup(r, {
    ...prod,
    id: "legacy-redis5",
    engine: "redis",
    version: "5.0.6",
    group: "default.redis5.0",
    port: 6380,
    shards: 1,
    nodesPerShard: 2,
  });
  addReplicationGroup(r, {
    ...prod,
    id: "ancient-redis4",
    engine: "redis",
    version: "4.0.10",
    group: "default.redis4.0",
    shards: 1,
    nodesPerShard: 1,
  });
  addReplicationGroup(r, {
    ...prod,
    id: "secure-redis7",
    engine: "redis",
    version: "7.1.0",
    group: "secure-noeviction",
    securityGroups: [CACHE_OPEN],
    tls: true,
    auth: true,
    shards: 1,
    nodesPerShard: 2,
  });
  // Stays `modifying` for good (no settleAt): the fixture for "busy" handling.
  addReplicationGroup(r, {
    ...prod,
    id: "busy-redis7",
    engine: "redis",
    version: "7.1.0",
    group: "default.redis7",
    status: "modifying",
    shards: 1,
    nodesPerShard: 2,
  });
  addStandalone(r, {
    id: "standalone-redis",
    engine: "redis",
    version: "7.1.0",
    group: "default.redis7",
    subnetGroup: "staging-cache-subnets",
    securityGroups: [STAG_CACHE],
  });
  addStandalone(
    r,
    {
      ...prod,
      id: "sessions-memcached",
      engine: "memcached",
      version: "1.6.22",
      group: "default.memcached1.6",
      port: 11211,
    },
    2,
  );
  addServerless(r, "serverless-queue", "valkey", "8", "8.0", [CACHE], subnetIdsOf(r, PROD));
  ownedByStacks(r);
  addMemoryDbTrio(r, "prod", PROD, CACHE);
  watchedByAlarms(r);
  return r;
}

/**
 * CloudWatch (SEED.md, "CloudWatch"): secure-redis7 has a memory alarm someone put by hand and runs at 86 %
 * of maxmemory; jobs-valkey8, ready otherwise, has no alarm; orders-redis7 has one whose threshold (95 %) is
 * too high to count.
 */
function watchedByAlarms(r: RegionState): void {
  addAlarm(r, {
    name: "secure-redis7-memory",
    metricName: "DatabaseMemoryUsagePercentage",
    dimension: { name: "ReplicationGroupId", value: "secure-redis7" },
    threshold: 85,
    alarmActions: [`arn:aws:sns:us-east-1:${r.accountId}:ops-pager`],
  });
  addAlarm(r, {
    name: "orders-redis7-memory-late",
    metricName: "DatabaseMemoryUsageCountedForEvictPercentage",
    dimension: { name: "CacheClusterId", value: "orders-redis7-001" },
    threshold: 95,
  });
  for (const member of ["secure-redis7-001", "secure-redis7-002"]) setMemoryPercent(r, member, 86);
  setMemoryPercent(r, "jobs-valkey8-001", 42);
  setMemoryPercent(r, "jobs-valkey8-002", 41);
}

/**
 * Who owns what (SEED.md, "CloudFormation"): `orders-cache` made orders-redis7 with its subnet group and
 * security group, `secure-cache` made secure-redis7 and its parameter group; `sessions-cache` once made
 * sessions-redis62 and was deleted (its resources retained), so it owns nothing any more. The rest is unowned.
 */
function ownedByStacks(r: RegionState): void {
  addStack(r, {
    name: "orders-cache",
    description: "Orders queue: Redis replication group, its subnet group and security group",
    resources: [
      { logicalId: "OrdersReplicationGroup", type: CFN_TYPES.replicationGroup, physicalId: "orders-redis7" },
      { logicalId: "CacheSubnetGroup", type: CFN_TYPES.subnetGroup, physicalId: "prod-cache-subnets" },
      { logicalId: "CacheSecurityGroup", type: CFN_TYPES.securityGroup, physicalId: CACHE },
    ],
  });
  addStack(r, {
    name: "secure-cache",
    description: "TLS and AUTH Redis with its own parameter group",
    createdAfterMinutes: 10,
    resources: [
      { logicalId: "SecureReplicationGroup", type: CFN_TYPES.replicationGroup, physicalId: "secure-redis7" },
      { logicalId: "SecureParameterGroup", type: CFN_TYPES.parameterGroup, physicalId: "secure-noeviction" },
    ],
  });
  addStack(r, {
    name: "sessions-cache",
    status: "DELETE_COMPLETE",
    createdAfterMinutes: 20,
    resources: [
      {
        logicalId: "SessionsReplicationGroup",
        type: CFN_TYPES.replicationGroup,
        physicalId: "sessions-redis62",
      },
    ],
  });
}

function euWest1(): RegionState {
  const r = emptyRegion("eu-west-1");
  const vpc = "vpc-0euprod0000000001";
  addVpc(r, vpc, "eu-prod", "10.20.0.0/16", [
    ["10.20.1.0/24", "eu-west-1a"],
    ["10.20.2.0/24", "eu-west-1b"],
  ]);
  addSecurityGroup(r, "sg-0euapp0000000001", "eu-app", "eu application", vpc, []);
  addSecurityGroup(r, "sg-0eucache000000001", "eu-cache", "eu cache access", vpc, [
    tcp(6379, { group: "sg-0euapp0000000001" }),
  ]);
  addSubnetGroup(r, "eu-cache-subnets", vpc, "eu cache subnets");
  addDefaultParameterGroups(r);
  addCustomGroup(
    r,
    "eu-valkey7-noeviction",
    "valkey7",
    { "maxmemory-policy": "noeviction" },
    "BullMQ on valkey7",
  );
  const base = {
    subnetGroup: "eu-cache-subnets",
    securityGroups: ["sg-0eucache000000001"],
    shards: 1,
    nodesPerShard: 2,
  };
  addReplicationGroup(r, {
    ...base,
    id: "eu-orders",
    engine: "redis",
    version: "7.1.0",
    group: "default.redis7",
  });
  addReplicationGroup(r, {
    ...base,
    id: "eu-jobs-valkey7",
    engine: "valkey",
    version: "7.2.6",
    group: "eu-valkey7-noeviction",
  });
  addServerless(r, "eu-serverless", "redis", "7", "7.1", ["sg-0eucache000000001"], subnetIdsOf(r, vpc));
  return r;
}

/** The management account's regions, exactly as they were when the sandbox served one account. */
export function managementRegions(): RegionState[] {
  return [usEast1(), euWest1()];
}

/** The seeded account alone, outside any organization (`seed: "single"`). */
export function singleAccountSeed(): SandboxState {
  return standaloneState(managementRegions());
}
