import { describe, expect, it } from "vitest";
import { AwsError } from "@/lib/adapters/aws/errors";
import {
  listCacheClusters,
  listCacheParameterGroups,
  listCacheParameters,
  listCacheSubnetGroups,
  listReplicationGroups,
  listServerlessCaches,
} from "./reads";
import { sandboxPerFile } from "@/tools/testing/int-harness";

const h = sandboxPerFile();

const US_GROUPS = [
  "ancient-redis4",
  "busy-redis7",
  "cache-redis62",
  "events-cluster",
  "jobs-valkey8",
  "legacy-redis5",
  "orders-redis7",
  "secure-redis7",
  "sessions-redis62",
];

describe("ElastiCache reads against the seeded sandbox", () => {
  it("lists exactly the seeded replication groups per region", async () => {
    const us = await listReplicationGroups(h.context("us-east-1").ctx);
    expect(us.map((g) => g.id).sort()).toEqual(US_GROUPS);
    const eu = await listReplicationGroups(h.context("eu-west-1").ctx);
    expect(eu.map((g) => g.id).sort()).toEqual(["eu-jobs-valkey7", "eu-orders"]);
    expect(eu.every((g) => g.region === "eu-west-1")).toBe(true);
  });

  it("reads one group with its shards, endpoints and flags", async () => {
    const { ctx } = h.context();
    const [events] = await listReplicationGroups(ctx, { id: "events-cluster" });
    expect(events).toMatchObject({
      id: "events-cluster",
      status: "available",
      clusterEnabled: true,
      configurationEndpoint: {
        address: "clustercfg.events-cluster.abc123.use1.cache.amazonaws.com",
        port: 6379,
      },
    });
    expect(events!.memberClusterIds.sort()).toEqual([
      "events-cluster-0001-001",
      "events-cluster-0001-002",
      "events-cluster-0002-001",
      "events-cluster-0002-002",
    ]);
    expect(events!.nodeGroups.map((n) => n.id)).toEqual(["0001", "0002"]);
    const [secure] = await listReplicationGroups(ctx, { id: "secure-redis7" });
    expect([secure!.transitEncryptionEnabled, secure!.authTokenEnabled]).toEqual([true, true]);
    const [busy] = await listReplicationGroups(ctx, { id: "busy-redis7" });
    expect(busy!.status).toBe("modifying");
  });

  it("reads members with their parameter group, security groups and node endpoints", async () => {
    const { ctx } = h.context();
    const clusters = await listCacheClusters(ctx);
    expect(clusters).toHaveLength(20);
    const orders = clusters.filter((c) => c.replicationGroupId === "orders-redis7");
    expect(orders.map((c) => c.id).sort()).toEqual(["orders-redis7-001", "orders-redis7-002"]);
    for (const member of orders) {
      expect(member).toMatchObject({
        engine: "redis",
        engineVersion: "7.1.0",
        cacheSubnetGroupName: "prod-cache-subnets",
        parameterGroup: { name: "default.redis7", applyStatus: "in-sync", nodeIdsToReboot: [] },
        securityGroups: [{ id: "sg-0cache00000000001", status: "active" }],
      });
      expect(member.nodes[0]!.endpoint).toEqual({
        address: `${member.id}.abc123.0001.use1.cache.amazonaws.com`,
        port: 6379,
      });
    }
    const legacy = clusters.filter((c) => c.replicationGroupId === "legacy-redis5");
    expect(legacy.map((c) => c.nodes[0]!.endpoint!.port)).toEqual([6380, 6380]);
    const standalone = clusters
      .filter((c) => !c.replicationGroupId)
      .map((c) => [c.id, c.engine])
      .sort();
    expect(standalone).toEqual([
      ["sessions-memcached", "memcached"],
      ["standalone-redis", "redis"],
    ]);
  });

  it("lists serverless caches, subnet groups and engine versions", async () => {
    const { ctx } = h.context();
    expect((await listServerlessCaches(ctx)).map((s) => [s.name, s.engine])).toEqual([
      ["serverless-queue", "valkey"],
    ]);
    expect((await listServerlessCaches(h.context("eu-west-1").ctx)).map((s) => s.name)).toEqual([
      "eu-serverless",
    ]);
    const subnets = await listCacheSubnetGroups(ctx);
    expect(subnets.map((s) => [s.name, s.vpcId]).sort()).toEqual([
      ["prod-cache-subnets", "vpc-0prod00000000001"],
      ["staging-cache-subnets", "vpc-0stag00000000002"],
    ]);
    expect(subnets.find((s) => s.name === "prod-cache-subnets")!.subnetIds).toHaveLength(3);
  });

  it("lists parameter groups, and pages through more than 100 parameters", async () => {
    const { ctx, requests } = h.context();
    const groups = await listCacheParameterGroups(ctx);
    const names = groups.map((g) => g.name);
    for (const name of [
      "default.redis7",
      "default.redis7.cluster.on",
      "default.valkey8",
      "bullmq-valkey8",
      "shared-lru-redis6",
      "secure-noeviction",
    ]) {
      expect(names).toContain(name);
    }
    expect(groups.find((g) => g.name === "shared-lru-redis6")!.family).toBe("redis6.x");
    const params = await listCacheParameters(ctx, "default.redis7");
    expect(params.length).toBeGreaterThan(100);
    expect(new Set(params.map((p) => p.name)).size).toBe(params.length);
    expect(requests.DescribeCacheParameters).toBeGreaterThan(1);
    expect(params.find((p) => p.name === "maxmemory-policy")).toMatchObject({
      value: "volatile-lru",
      changeType: "immediate",
      isModifiable: true,
    });
    const changed = await listCacheParameters(ctx, "bullmq-valkey8", { source: "user" });
    expect(changed.find((p) => p.name === "maxmemory-policy")?.value).toBe("noeviction");
  });

  it("throws not-found for an unknown id, and for a replication group id passed as a cluster id", async () => {
    const { ctx } = h.context();
    for (const read of [
      () => listReplicationGroups(ctx, { id: "no-such-group" }),
      () => listCacheClusters(ctx, { id: "orders-redis7" }),
      () => listCacheParameters(ctx, "no-such-params"),
    ]) {
      const err = await read().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AwsError);
      expect((err as AwsError).problem.code).toBe("not-found");
    }
  });
});
