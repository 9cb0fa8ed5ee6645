import { describe, expect, it } from "vitest";
import { AwsError } from "./errors";
import {
  createCacheParameterGroup,
  deleteCacheParameterGroup,
  modifyCacheCluster,
  modifyCacheParameterGroup,
  modifyReplicationGroup,
} from "./elasticache/writes";
import { authorizeIngress, createSecurityGroup, revokeIngress } from "./ec2/writes";
import { checkEc2Permission } from "./ec2/permission";
import {
  listCacheClusters,
  listCacheParameterGroups,
  listCacheParameters,
  listEvents,
  listReplicationGroups,
  listTagsForResource,
} from "./elasticache/reads";
import { listSecurityGroupRules, listSecurityGroups } from "./ec2/reads";
import { sandboxPerFile, waitFor } from "@/tools/testing/int-harness";

const h = sandboxPerFile({ applyDelayMs: 300 });
const problemOf = (err: unknown) => (err as AwsError).problem;

describe("ElastiCache writes", () => {
  it("creates a group, sets noeviction, attaches it and waits until every member is in-sync", async () => {
    const { ctx } = h.context();
    const group = await createCacheParameterGroup(ctx, {
      name: "BullMQ-Redis7",
      family: "redis7",
      description: "BullMQ: noeviction",
      tags: [{ key: "managed-by", value: "queueready" }],
    });
    expect(group).toMatchObject({
      name: "bullmq-redis7",
      family: "redis7",
      description: "BullMQ: noeviction",
    });
    expect(await listTagsForResource(ctx, group.arn)).toEqual([{ key: "managed-by", value: "queueready" }]);

    const again = await createCacheParameterGroup(ctx, {
      name: "bullmq-redis7",
      family: "redis7",
      description: "x",
    }).catch((e: unknown) => e);
    expect(problemOf(again).code).toBe("already-exists");

    await modifyCacheParameterGroup(ctx, "bullmq-redis7", [
      { name: "maxmemory-policy", value: "noeviction" },
    ]);
    const user = await listCacheParameters(ctx, "bullmq-redis7", { source: "user" });
    expect(user.map((p) => [p.name, p.value])).toEqual([["maxmemory-policy", "noeviction"]]);

    const modified = await modifyReplicationGroup(ctx, "orders-redis7", {
      cacheParameterGroupName: "bullmq-redis7",
    });
    expect(modified.id).toBe("orders-redis7");
    const members = await waitFor(async () => {
      const clusters = await listCacheClusters(ctx);
      const mine = clusters.filter((c) => c.replicationGroupId === "orders-redis7");
      return mine.every(
        (c) => c.parameterGroup?.name === "bullmq-redis7" && c.parameterGroup.applyStatus === "in-sync",
      )
        ? mine
        : undefined;
    });
    expect(members.map((c) => c.id).sort()).toEqual(["orders-redis7-001", "orders-redis7-002"]);
    const [after] = await listReplicationGroups(ctx, { id: "orders-redis7" });
    expect(after!.status).toBe("available");
    const events = await listEvents(ctx, {
      sourceId: "orders-redis7",
      sourceType: "replication-group",
      durationMinutes: 60,
    });
    expect(events.length).toBeGreaterThan(0);
    expect(
      events.every(
        (e) => e.sourceId === "orders-redis7" && e.sourceType === "replication-group" && e.date !== "",
      ),
    ).toBe(true);

    const same = await modifyReplicationGroup(ctx, "orders-redis7", {
      cacheParameterGroupName: "bullmq-redis7",
    }).catch((e: unknown) => e);
    expect(problemOf(same).code).toBe("no-change");
    const attached = await deleteCacheParameterGroup(ctx, "bullmq-redis7").catch((e: unknown) => e);
    expect(problemOf(attached).code).toBe("invalid-state");
  });

  it("refuses the wrong family, a busy group and a default group with mapped problems", async () => {
    const { ctx } = h.context();
    const wrongFamily = await modifyReplicationGroup(ctx, "jobs-valkey8", {
      cacheParameterGroupName: "shared-lru-redis6",
    }).catch((e: unknown) => e);
    expect(problemOf(wrongFamily)).toMatchObject({
      code: "invalid-input",
      operation: "ModifyReplicationGroup",
    });
    expect(problemOf(wrongFamily).message).toMatch(
      /Expected a parameter group of family valkey8 but found one of family redis6\.x/,
    );
    const busy = await modifyReplicationGroup(ctx, "busy-redis7", {
      securityGroupIds: ["sg-0cache00000000001", "sg-0app000000000001"],
    }).catch((e: unknown) => e);
    expect(problemOf(busy).code).toBe("invalid-state");
    const defaults = await modifyCacheParameterGroup(ctx, "default.redis7", [
      { name: "maxmemory-policy", value: "noeviction" },
    ]).catch((e: unknown) => e);
    expect(["invalid-input", "invalid-state"]).toContain(problemOf(defaults).code);
  });

  it("modifies a standalone cluster and deletes a detached group", async () => {
    const { ctx } = h.context();
    const cluster = await modifyCacheCluster(ctx, "standalone-redis", {
      securityGroupIds: ["sg-0stagcache000001", "sg-0stagapp00000001"],
    });
    expect(cluster.id).toBe("standalone-redis");
    await createCacheParameterGroup(ctx, {
      name: "scratch-redis7",
      family: "redis7",
      description: "scratch",
    });
    await modifyCacheParameterGroup(ctx, "scratch-redis7", [
      { name: "maxmemory-policy", value: "noeviction" },
    ]);
    await deleteCacheParameterGroup(ctx, "scratch-redis7");
    const gone = await listCacheParameterGroups(ctx, { name: "scratch-redis7" }).catch((e: unknown) => e);
    expect(problemOf(gone).code).toBe("not-found");
  });
});

describe("EC2 writes", () => {
  it("authorizes a rule, refuses the duplicate, and revokes it by id", async () => {
    const { ctx } = h.context();
    const rule = {
      protocol: "tcp" as const,
      fromPort: 6380,
      toPort: 6380,
      source: { kind: "security-group" as const, groupId: "sg-0app000000000001" },
      description: "BullMQ",
    };
    const { ruleIds } = await authorizeIngress(ctx, "sg-0cache00000000001", rule);
    expect(ruleIds).toHaveLength(1);
    expect(ruleIds[0]).toMatch(/^sgr-/);
    const dup = await authorizeIngress(ctx, "sg-0cache00000000001", rule).catch((e: unknown) => e);
    expect(problemOf(dup)).toMatchObject({ code: "already-exists", awsCode: "InvalidPermission.Duplicate" });
    const rules = await listSecurityGroupRules(ctx, ["sg-0cache00000000001"]);
    expect(rules.find((r) => r.ruleId === ruleIds[0])).toMatchObject({
      fromPort: 6380,
      toPort: 6380,
      description: "BullMQ",
    });
    await revokeIngress(ctx, "sg-0cache00000000001", ruleIds);
    expect((await listSecurityGroupRules(ctx, ["sg-0cache00000000001"])).map((r) => r.fromPort)).toEqual([
      6379,
    ]);
  });

  it("creates a security group tagged at creation", async () => {
    const { ctx } = h.context();
    const group = await createSecurityGroup(ctx, {
      name: "bullmq-workers",
      description: "workers",
      vpcId: "vpc-0prod00000000001",
      tags: [{ key: "Name", value: "bullmq-workers" }],
    });
    expect(group).toMatchObject({
      name: "bullmq-workers",
      vpcId: "vpc-0prod00000000001",
      tags: { Name: "bullmq-workers" },
      ingress: [],
    });
    const [read] = await listSecurityGroups(ctx, { ids: [group.id] });
    expect(read!.tags).toEqual({ Name: "bullmq-workers" });
    const clash = await createSecurityGroup(ctx, {
      name: "bullmq-workers",
      description: "again",
      vpcId: "vpc-0prod00000000001",
    }).catch((e: unknown) => e);
    expect(problemOf(clash).code).toBe("already-exists");
    const noVpc = await createSecurityGroup(ctx, {
      name: "x",
      description: "x",
      vpcId: "vpc-0nope000000000000",
    }).catch((e: unknown) => e);
    expect(problemOf(noVpc).code).toBe("not-found");
  });

  it("answers DryRun: allowed, then denied once a denial is configured", async () => {
    const { ctx } = h.context();
    const check = {
      operation: "AuthorizeSecurityGroupIngress" as const,
      groupId: "sg-0cache00000000003",
      rule: {
        protocol: "tcp" as const,
        fromPort: 6379,
        toPort: 6379,
        source: { kind: "cidr" as const, cidr: "10.0.0.0/16" },
      },
    };
    expect(await checkEc2Permission(ctx, check)).toEqual({ allowed: true });
    expect(
      await checkEc2Permission(ctx, { operation: "CreateSecurityGroup", vpcId: "vpc-0prod00000000001" }),
    ).toEqual({ allowed: true });
    h.sandbox.control.addFault({ operation: "AuthorizeSecurityGroupIngress", kind: "access-denied" });
    try {
      expect(await checkEc2Permission(ctx, check)).toMatchObject({
        allowed: false,
        problem: {
          code: "access-denied",
          iamAction: "ec2:AuthorizeSecurityGroupIngress",
          region: "us-east-1",
        },
      });
    } finally {
      h.sandbox.control.clearFaults();
    }
    // The DryRun changed nothing: the group still has only its port-22 rule.
    expect((await listSecurityGroupRules(ctx, ["sg-0cache00000000003"])).map((r) => r.fromPort)).toEqual([
      22,
    ]);
  });
});
