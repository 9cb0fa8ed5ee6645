import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox/index";
import { blocks, call, errorCode, sleep, text, texts } from "@/tools/sandbox/testing/wire-client";

// Long enough that the reads right after the write still see "applying" on a loaded machine.
const APPLY_DELAY_MS = 800;
let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, applyDelayMs: APPLY_DELAY_MS });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.control.reset("default"));
const ec = (action: string, params: Record<string, string | number | boolean> = {}) =>
  call(sb.url, "elasticache", action, params);
const member = async (id: string) => (await ec("DescribeCacheClusters", { CacheClusterId: id })).xml;

describe("ModifyReplicationGroup", () => {
  it("attaches a same-family group: modifying/applying, then available/in-sync after the delay", async () => {
    const r = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "orders-redis7",
      CacheParameterGroupName: "secure-noeviction",
      ApplyImmediately: true,
    });
    expect(r.status).toBe(200);
    expect(text(r.xml, "Status")).toBe("modifying");
    const busy = await member("orders-redis7-002");
    expect([
      text(busy, "CacheParameterGroupName"),
      text(busy, "ParameterApplyStatus"),
      text(busy, "CacheClusterStatus"),
    ]).toEqual(["secure-noeviction", "applying", "modifying"]);
    await sleep(APPLY_DELAY_MS + 100);
    const rg = await ec("DescribeReplicationGroups", { ReplicationGroupId: "orders-redis7" });
    expect(text(rg.xml, "Status")).toBe("available");
    const done = await member("orders-redis7-002");
    expect([text(done, "ParameterApplyStatus"), text(done, "CacheClusterStatus")]).toEqual([
      "in-sync",
      "available",
    ]);
  });

  it("rejects a group of another family with AWS's message", async () => {
    const r = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "orders-redis7",
      CacheParameterGroupName: "shared-lru-redis6",
    });
    expect([r.status, errorCode(r.xml)]).toEqual([400, "InvalidParameterCombination"]);
    expect(text(r.xml, "Message")).toBe(
      "Expected a parameter group of family redis7 but found one of family redis6.x",
    );
  });

  it("rejects a cluster-enabled mismatch in both directions", async () => {
    const toClusterOff = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "events-cluster",
      CacheParameterGroupName: "secure-noeviction",
    });
    expect(errorCode(toClusterOff.xml)).toBe("InvalidParameterCombination");
    expect(text(toClusterOff.xml, "Message")).toContain("cluster-enabled=no");
    const toClusterOn = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "orders-redis7",
      CacheParameterGroupName: "default.redis7.cluster.on",
    });
    expect(text(toClusterOn.xml, "Message")).toContain("cluster-enabled=yes");
  });

  it("replaces the whole security group list (adding/removing, then only the new list)", async () => {
    const r = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "jobs-valkey8",
      "SecurityGroupIds.SecurityGroupId.1": "sg-0cache00000000002",
    });
    expect(r.status).toBe(200);
    const during = blocks(await member("jobs-valkey8-001"), "member");
    expect(during.map((m) => `${text(m, "SecurityGroupId")}:${text(m, "Status")}`)).toEqual([
      "sg-0cache00000000002:adding",
      "sg-0cache00000000001:removing",
    ]);
    await sleep(APPLY_DELAY_MS + 100);
    const after = blocks(await member("jobs-valkey8-001"), "member");
    expect(after.map((m) => `${text(m, "SecurityGroupId")}:${text(m, "Status")}`)).toEqual([
      "sg-0cache00000000002:active",
    ]);
  });

  it("rejects unknown security groups and groups of another VPC", async () => {
    const unknown = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "jobs-valkey8",
      "SecurityGroupIds.SecurityGroupId.1": "sg-0nope",
    });
    expect(errorCode(unknown.xml)).toBe("InvalidParameterValue");
    const foreign = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "jobs-valkey8",
      "SecurityGroupIds.SecurityGroupId.1": "sg-0stagcache000001",
    });
    expect(errorCode(foreign.xml)).toBe("InvalidParameterValue");
    expect(text(foreign.xml, "Message")).toContain("vpc-0prod00000000001");
  });

  it("answers 'No modifications were requested.' when nothing changes", async () => {
    const r = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "jobs-valkey8",
      CacheParameterGroupName: "bullmq-valkey8",
      "SecurityGroupIds.SecurityGroupId.1": "sg-0cache00000000001",
    });
    expect([errorCode(r.xml), text(r.xml, "Message")]).toEqual([
      "InvalidParameterCombination",
      "No modifications were requested.",
    ]);
  });

  it("refuses a busy group and a group just modified", async () => {
    const busy = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "busy-redis7",
      CacheParameterGroupName: "secure-noeviction",
    });
    expect([busy.status, errorCode(busy.xml)]).toEqual([400, "InvalidReplicationGroupState"]);
    await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "orders-redis7",
      CacheParameterGroupName: "secure-noeviction",
    });
    const again = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "orders-redis7",
      CacheParameterGroupName: "default.redis7",
    });
    expect(errorCode(again.xml)).toBe("InvalidReplicationGroupState");
  });

  it("refuses modifications the sandbox does not simulate", async () => {
    const r = await ec("ModifyReplicationGroup", {
      ReplicationGroupId: "orders-redis7",
      EngineVersion: "7.2",
    });
    expect([r.status, errorCode(r.xml)]).toEqual([400, "InvalidParameterValue"]);
  });
});

describe("ModifyCacheCluster", () => {
  it("modifies a standalone cluster and records an event", async () => {
    await ec("CreateCacheParameterGroup", {
      CacheParameterGroupName: "standalone-bullmq",
      CacheParameterGroupFamily: "redis7",
      Description: "x",
    });
    const r = await ec("ModifyCacheCluster", {
      CacheClusterId: "standalone-redis",
      CacheParameterGroupName: "standalone-bullmq",
      ApplyImmediately: true,
    });
    expect([r.status, text(r.xml, "CacheParameterGroupName"), text(r.xml, "ParameterApplyStatus")]).toEqual([
      200,
      "standalone-bullmq",
      "applying",
    ]);
    const busy = await ec("ModifyCacheCluster", {
      CacheClusterId: "standalone-redis",
      CacheParameterGroupName: "default.redis7",
    });
    expect(errorCode(busy.xml)).toBe("InvalidCacheClusterState");
    const events = await ec("DescribeEvents", { SourceIdentifier: "standalone-redis" });
    expect(texts(events.xml, "Message")).toEqual(["Modified cache cluster"]);
  });

  it("sends replication group members to ModifyReplicationGroup", async () => {
    const r = await ec("ModifyCacheCluster", {
      CacheClusterId: "orders-redis7-001",
      CacheParameterGroupName: "secure-noeviction",
    });
    expect(errorCode(r.xml)).toBe("InvalidParameterCombination");
  });
});
