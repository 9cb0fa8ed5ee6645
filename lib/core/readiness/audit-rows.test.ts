import { describe, expect, it } from "vitest";
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import { seedSnapshot, ACCOUNT_ID } from "@/tools/testing/fixtures";
import { auditRegion } from "@/lib/core/readiness/audit";
import { viewTarget } from "@/lib/core/model/target-view";

const list = <T>(read: { ok: true; value: T[] } | { ok: false }): T[] => {
  if (!read.ok) throw new Error("the seeded snapshot has failed reads");
  return read.value;
};

// The status table's row is the audit row: its shape facts come from the one target view.
const rowsOf = (snapshot: RegionSnapshot) => auditRegion(snapshot).clusters;

describe("the audit row's shape facts", () => {
  it("lists every replication group, standalone cluster and serverless cache of us-east-1, sorted", () => {
    const rows = rowsOf(seedSnapshot("us-east-1"));
    expect(rows.map((r) => [r.name, r.kind])).toEqual([
      ["ancient-redis4", "replication-group"],
      ["busy-redis7", "replication-group"],
      ["cache-redis62", "replication-group"],
      ["events-cluster", "replication-group"],
      ["jobs-valkey8", "replication-group"],
      ["legacy-redis5", "replication-group"],
      ["orders-redis7", "replication-group"],
      ["prod-memdb-default", "memorydb-cluster"],
      ["prod-memdb-lru", "memorydb-cluster"],
      ["prod-memdb-valkey", "memorydb-cluster"],
      ["secure-redis7", "replication-group"],
      ["serverless-queue", "serverless"],
      ["sessions-memcached", "cache-cluster"],
      ["sessions-redis62", "replication-group"],
      ["standalone-redis", "cache-cluster"],
    ]);
  });

  it("takes a replication group's version, parameter group and VPC from its members", () => {
    const rows = rowsOf(seedSnapshot("us-east-1"));
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get("events-cluster")).toMatchObject({
      ref: { accountId: ACCOUNT_ID, kind: "replication-group", region: "us-east-1", id: "events-cluster" },
      name: "events-cluster",
      kind: "replication-group",
      engine: "redis",
      engineVersion: "7.1.0",
      status: "available",
      parameterGroup: { name: "default.redis7.cluster.on" },
      vpcId: "vpc-0prod00000000001",
      topology: "cluster mode · 2 shards × 2 nodes",
    });
    expect(byName.get("cache-redis62")).toMatchObject({
      engineVersion: "6.2.6",
      vpcId: "vpc-0stag00000000002",
      topology: "1 shard × 1 node",
    });
    expect(byName.get("busy-redis7")).toMatchObject({
      status: "modifying",
      parameterGroup: { name: "default.redis7" },
    });
    expect(byName.get("sessions-memcached")).toMatchObject({
      engine: "memcached",
      engineVersion: "1.6.22",
      topology: "2 nodes",
    });
    // A serverless cache's VPC is its security groups' (the audit's answer too), not left blank.
    expect(byName.get("serverless-queue")).toMatchObject({
      engine: "valkey",
      engineVersion: "8",
      parameterGroup: undefined,
      vpcId: "vpc-0prod00000000001",
      topology: "serverless",
    });
  });

  it("shows members that disagree on the parameter group, and finds a serverless VPC through a shared subnet", () => {
    const input = seedSnapshot("eu-west-1");
    const member = list(input.cacheClusters).find((c) => c.id === "eu-orders-002");
    if (!member?.parameterGroup) throw new Error("eu-orders-002 missing from the fixture");
    member.parameterGroup = { ...member.parameterGroup, name: "bullmq-redis7", applyStatus: "applying" };
    const subnet = list(input.subnetGroups)[0]?.subnetIds[0];
    // Without its security groups read, the VPC still follows from a subnet it shares with a subnet group.
    input.securityGroups = { ok: true, value: [] };
    input.serverlessCaches = {
      ok: true,
      value: list(input.serverlessCaches).map((s) => ({
        ...s,
        subnetIds: ["subnet-elsewhere", subnet ?? ""],
      })),
    };
    const rows = rowsOf(input);
    expect(rows.map((r) => r.name)).toEqual(["eu-jobs-valkey7", "eu-orders", "eu-serverless"]);
    expect(viewTarget(input, rows[1]!.ref)?.parameterGroupNames).toEqual(["default.redis7", "bullmq-redis7"]);
    expect(rows[2]?.vpcId).toBe("vpc-0euprod0000000001");
  });

  it("leaves the VPC blank when the subnet groups could not be read", () => {
    const failed: RegionSnapshot = {
      ...seedSnapshot("us-east-1"),
      subnetGroups: { ok: false, problem: { code: "throttled", message: "Rate exceeded", retryable: true } },
    };
    const rows = rowsOf(failed);
    expect(rows).toHaveLength(15);
    // Node-based clusters have no other way to a VPC; the serverless cache still has its security groups',
    // and MemoryDB clusters their own (MemoryDB's) subnet groups.
    const elsewhere = new Set(["serverless", "memorydb-cluster"]);
    expect(rows.filter((r) => !elsewhere.has(r.kind)).every((r) => r.vpcId === undefined)).toBe(true);
    expect(rows.filter((r) => r.kind === "memorydb-cluster").map((r) => r.vpcId)).toEqual([
      "vpc-0prod00000000001",
      "vpc-0prod00000000001",
      "vpc-0prod00000000001",
    ]);
  });
});
