import { describe, expect, it } from "vitest";
import { buildState } from "@/tools/sandbox/seed/build";
import { standaloneState } from "@/tools/sandbox/model/accounts";
import { planEngineNodes } from "./node-plan";

describe("planEngineNodes (the seeded account)", () => {
  const specs = planEngineNodes(buildState("default"));
  const of = (id: string) => specs.find((s) => s.cacheClusterId === id)!;

  it("has one engine per Redis/Valkey node, none for Memcached or serverless", () => {
    // 23 ElastiCache nodes and 8 MemoryDB nodes (1 × 2, 2 × 2, 1 × 2).
    expect(specs).toHaveLength(31);
    expect(specs.some((s) => s.cacheClusterId.startsWith("sessions-memcached"))).toBe(false);
    expect(new Set(specs.map((s) => s.key)).size).toBe(specs.length);
    expect(of("orders-redis7-001").key).toBe("123456789012/us-east-1/orders-redis7-001");
  });

  it("gives a replication group a primary with the primary endpoint and a replica with the reader endpoint", () => {
    expect(of("orders-redis7-001")).toMatchObject({
      role: "primary",
      endpoint: "orders-redis7-001.abc123.0001.use1.cache.amazonaws.com:6379",
      groupEndpoints: ["orders-redis7.abc123.ng.0001.use1.cache.amazonaws.com:6379"],
    });
    expect(of("orders-redis7-002")).toMatchObject({
      role: "replica",
      primaryOf: "orders-redis7-001",
      groupEndpoints: ["orders-redis7-ro.abc123.ng.0001.use1.cache.amazonaws.com:6379"],
    });
  });

  it("takes the policy from the attached group, and the configuration endpoint to the first shard's primary", () => {
    expect(of("orders-redis7-001").config["maxmemory-policy"]).toBe("volatile-lru");
    expect(of("jobs-valkey8-001").config["maxmemory-policy"]).toBe("noeviction");
    expect(of("sessions-redis62-001").config["maxmemory-policy"]).toBe("allkeys-lru");
    expect(of("events-cluster-0001-001")).toMatchObject({
      clusterEnabled: true,
      shardIndex: 0,
      shardCount: 2,
      groupEndpoints: ["clustercfg.events-cluster.abc123.use1.cache.amazonaws.com:6379"],
    });
    expect(of("events-cluster-0002-002")).toMatchObject({
      role: "replica",
      shardIndex: 1,
      primaryOf: "events-cluster-0002-001",
    });
    expect(of("secure-redis7-001")).toMatchObject({ tls: true, authToken: true });
    expect(of("legacy-redis5-001").endpoint).toMatch(/:6380$/);
  });

  it("runs a MemoryDB cluster's nodes as one TLS cluster on its endpoints, with its group's policy", () => {
    const lru = specs.filter((s) => s.replicationGroupId === "prod-memdb-lru");
    expect(lru.map((s) => [s.cacheClusterId, s.role, s.shardIndex])).toEqual([
      ["prod-memdb-lru-0001-001", "primary", 0],
      ["prod-memdb-lru-0001-002", "replica", 0],
      ["prod-memdb-lru-0002-001", "primary", 1],
      ["prod-memdb-lru-0002-002", "replica", 1],
    ]);
    expect(lru[0]).toMatchObject({
      key: "123456789012/us-east-1/memorydb/prod-memdb-lru-0001-001",
      endpoint: "prod-memdb-lru-0001-001.prod-memdb-lru.xyz789.memorydb.us-east-1.amazonaws.com:6379",
      groupEndpoints: ["clustercfg.prod-memdb-lru.xyz789.memorydb.us-east-1.amazonaws.com:6379"],
      clusterEnabled: true,
      shardCount: 2,
      tls: true,
      authToken: false,
    });
    expect(lru[3]!.primaryOf).toBe("prod-memdb-lru-0002-001");
    expect(lru.every((s) => s.config["maxmemory-policy"] === "volatile-lru")).toBe(true);
    expect(of("prod-memdb-default-0001-001").config["maxmemory-policy"]).toBe("noeviction");
  });

  it("needs no engines for a generated fleet's regions when the caller passes none", () => {
    expect(planEngineNodes(standaloneState([]))).toEqual([]);
  });
});
