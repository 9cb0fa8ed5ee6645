/**
 * The member accounts' regions of the seeded organization (SEED.md, "Organization"). Each member has a
 * small VPC of its own (ids are per account, as in AWS) and a couple of clusters with known verdicts.
 */
import { emptyRegion, type RegionState } from "@/tools/sandbox/model/state";
import { addCustomGroup, addDefaultParameterGroups, addReplicationGroup } from "./cache-builders";
import { addMemoryDbTrio } from "./memorydb-builders";
import { addSecurityGroup, addSubnetGroup, addVpc, tcp } from "./network-builders";
import { addStack, CFN_TYPES } from "./stack-builders";

/** A region with one VPC (two subnets), an app group, a cache group open to it on 6379, a subnet group. */
function memberRegion(accountId: string, region: string, cidrPrefix: string): RegionState {
  const r = emptyRegion(region, accountId);
  const vpc = `vpc-0${accountId.slice(0, 4)}00000000001`;
  addVpc(r, vpc, "main", `${cidrPrefix}.0.0/16`, [
    [`${cidrPrefix}.1.0/24`, `${region}a`],
    [`${cidrPrefix}.2.0/24`, `${region}b`],
  ]);
  addSecurityGroup(r, `sg-0${accountId.slice(0, 4)}app00000001`, "app", "application", vpc, []);
  addSecurityGroup(r, `sg-0${accountId.slice(0, 4)}cache000001`, "cache", "cache access", vpc, [
    tcp(6379, { group: `sg-0${accountId.slice(0, 4)}app00000001` }, "app to redis"),
  ]);
  addSubnetGroup(r, "cache-subnets", vpc, "cache subnets");
  addDefaultParameterGroups(r);
  return r;
}

function base(accountId: string) {
  return { subnetGroup: "cache-subnets", securityGroups: [`sg-0${accountId.slice(0, 4)}cache000001`] };
}

/** A region the account has enabled but runs nothing in (default parameter groups only, as AWS has). */
export function emptyMemberRegion(accountId: string, region: string): RegionState {
  const r = emptyRegion(region, accountId);
  addDefaultParameterGroups(r);
  return r;
}

/** staging: `stg-orders` needs changes (default group), `stg-jobs-valkey8` is ready. */
export function stagingUsEast1(accountId: string): RegionState {
  const r = memberRegion(accountId, "us-east-1", "10.40");
  addCustomGroup(r, "stg-bullmq", "valkey8", { "maxmemory-policy": "noeviction" }, "BullMQ: noeviction");
  const common = { ...base(accountId), shards: 1, nodesPerShard: 2 };
  addReplicationGroup(r, {
    ...common,
    id: "stg-orders",
    engine: "redis",
    version: "7.1.0",
    group: "default.redis7",
  });
  addReplicationGroup(r, {
    ...common,
    id: "stg-jobs-valkey8",
    engine: "valkey",
    version: "8.0.1",
    group: "stg-bullmq",
  });
  addStack(r, {
    name: "stg-jobs",
    description: "Staging jobs queue",
    resources: [
      { logicalId: "JobsReplicationGroup", type: CFN_TYPES.replicationGroup, physicalId: "stg-jobs-valkey8" },
      { logicalId: "JobsParameterGroup", type: CFN_TYPES.parameterGroup, physicalId: "stg-bullmq" },
    ],
  });
  addMemoryDbTrio(
    r,
    "stg",
    `vpc-0${accountId.slice(0, 4)}00000000001`,
    `sg-0${accountId.slice(0, 4)}cache000001`,
  );
  return r;
}

/** payments: `pay-ledger-redis62` needs changes (allkeys-lru), `pay-queue-cluster` (cluster mode) is ready. */
export function paymentsUsEast1(accountId: string): RegionState {
  const r = memberRegion(accountId, "us-east-1", "10.50");
  addCustomGroup(r, "pay-ledger-lru", "redis6.x", { "maxmemory-policy": "allkeys-lru" }, "ledger cache");
  addCustomGroup(
    r,
    "pay-bullmq-cluster",
    "valkey8",
    { "maxmemory-policy": "noeviction", "cluster-enabled": "yes" },
    "BullMQ, cluster mode",
  );
  const b = base(accountId);
  addReplicationGroup(r, {
    ...b,
    id: "pay-ledger-redis62",
    engine: "redis",
    version: "6.2.6",
    group: "pay-ledger-lru",
    shards: 1,
    nodesPerShard: 2,
  });
  addReplicationGroup(r, {
    ...b,
    id: "pay-queue-cluster",
    engine: "valkey",
    version: "8.0.1",
    group: "pay-bullmq-cluster",
    shards: 2,
    nodesPerShard: 2,
    clusterEnabled: true,
  });
  return r;
}

/** research: one ready-looking cluster nobody outside the account may see (its role trusts nobody). */
export function researchUsEast1(accountId: string): RegionState {
  const r = memberRegion(accountId, "us-east-1", "10.60");
  addReplicationGroup(r, {
    ...base(accountId),
    id: "research-redis7",
    engine: "redis",
    version: "7.1.0",
    group: "default.redis7",
    shards: 1,
    nodesPerShard: 1,
  });
  return r;
}
