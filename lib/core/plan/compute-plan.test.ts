import { describe, expect, it } from "vitest";
import { awsParams } from "./aws-params";
import { computePlan, PlanInputError } from "./compute-plan";
import { recommendedChoices, targetOf, withAttachedGroup } from "@/tools/testing/plan-helpers";
import { ANYWHERE_WARNING } from "./validate-network";
import { seedUsEast1 } from "@/tools/testing/fixtures";

const snap = seedUsEast1();
const actions = (plan: ReturnType<typeof computePlan>) => plan.steps.map((s) => `${s.kind}:${s.action}`);
/** A step with its parameters as AWS names them (what the CLI and JSON exports send). */
const step = (plan: ReturnType<typeof computePlan>, kind: string) => {
  const found = plan.steps.find((s) => s.kind === kind)!;
  return { ...found, params: awsParams(found) };
};

describe("computePlan on the seeded account", () => {
  it("orders-redis7 (cluster mode off): reuses the app rule, creates and attaches a noeviction group", () => {
    const plan = computePlan(snap, recommendedChoices(snap, "orders-redis7"));
    expect(actions(plan)).toEqual([
      "authorize-ingress:no-op",
      "create-parameter-group:create",
      "modify-parameter-group:change",
      "modify-replication-group:change",
    ]);
    expect(step(plan, "create-parameter-group").params).toEqual({
      CacheParameterGroupName: "bullmq-redis7-noeviction",
      CacheParameterGroupFamily: "redis7",
      Description: "maxmemory-policy=noeviction for BullMQ on orders-redis7, created by QueueReady",
      Tags: [
        { Key: "created-by", Value: "queueready" },
        { Key: "queueready:target", Value: "123456789012/us-east-1/replication-group/orders-redis7" },
      ],
    });
    expect(step(plan, "modify-parameter-group").params).toEqual({
      CacheParameterGroupName: "bullmq-redis7-noeviction",
      ParameterNameValues: [{ ParameterName: "maxmemory-policy", ParameterValue: "noeviction" }],
    });
    expect(step(plan, "modify-replication-group").params).toEqual({
      ReplicationGroupId: "orders-redis7",
      CacheParameterGroupName: "bullmq-redis7-noeviction",
      ApplyImmediately: true,
    });
    expect(step(plan, "modify-replication-group").changes).toEqual([
      { attribute: "CacheParameterGroupName", before: "default.redis7", after: "bullmq-redis7-noeviction" },
    ]);
    expect(step(plan, "authorize-ingress").touches).toEqual([]);
    expect(plan.summary).toEqual({ create: 1, change: 2, noop: 1 });
    expect(plan.summaryLine).toBe("1 to create, 2 to change, 1 already in place");
    expect(plan.blockers).toEqual([]);
    expect(plan.steps.every((s) => s.effect.reboot === false && s.effect.downtime === false)).toBe(true);
  });

  it("events-cluster (cluster mode on): adds the missing rule and sets cluster-enabled=yes in the same call", () => {
    const plan = computePlan(snap, recommendedChoices(snap, "events-cluster"));
    expect(actions(plan)).toEqual([
      "authorize-ingress:create",
      "create-parameter-group:create",
      "modify-parameter-group:change",
      "modify-replication-group:change",
    ]);
    expect(step(plan, "authorize-ingress").params).toEqual({
      GroupId: "sg-0cache00000000003",
      IpPermissions: [
        {
          IpProtocol: "tcp",
          FromPort: 6379,
          ToPort: 6379,
          UserIdGroupPairs: [
            { GroupId: "sg-0app000000000001", Description: "BullMQ access to events-cluster (QueueReady)" },
          ],
        },
      ],
    });
    expect(step(plan, "modify-parameter-group").params.ParameterNameValues).toEqual([
      { ParameterName: "maxmemory-policy", ParameterValue: "noeviction" },
      { ParameterName: "cluster-enabled", ParameterValue: "yes" },
    ]);
    expect(step(plan, "create-parameter-group").params.CacheParameterGroupName).toBe(
      "bullmq-redis7-cluster-noeviction",
    );
    expect(step(plan, "modify-replication-group").dependsOn).toEqual([
      "authorize-ingress",
      "create-parameter-group",
      "modify-parameter-group",
    ]);
    expect(plan.steps.filter((s) => s.securitySensitive).map((s) => s.kind)).toEqual(["authorize-ingress"]);
  });

  it("standalone-redis: ModifyCacheCluster with the cluster id", () => {
    const plan = computePlan(snap, recommendedChoices(snap, "standalone-redis"));
    expect(actions(plan)).toEqual([
      "authorize-ingress:no-op",
      "create-parameter-group:create",
      "modify-parameter-group:change",
      "modify-cache-cluster:change",
    ]);
    expect(step(plan, "modify-cache-cluster").params).toEqual({
      CacheClusterId: "standalone-redis",
      CacheParameterGroupName: "bullmq-redis7-noeviction",
      ApplyImmediately: true,
    });
    expect(step(plan, "authorize-ingress").noopReason).toBe(
      "cache-staging (sg-0stagcache000001) already allows tcp 6379 from 10.1.0.0/16: it is reused.",
    );
  });

  it("jobs-valkey8 (Valkey, already ready) and secure-redis7: every step is a no-op", () => {
    for (const id of ["jobs-valkey8", "secure-redis7"]) {
      const plan = computePlan(snap, recommendedChoices(snap, id));
      expect(plan.converged).toBe(true);
      expect(plan.summary).toEqual({ create: 0, change: 0, noop: 3 });
      expect(plan.summaryLine).toBe("Nothing to change: the cluster already matches these choices.");
    }
    expect(computePlan(snap, recommendedChoices(snap, "secure-redis7")).warnings).toContain(ANYWHERE_WARNING);
  });

  it("sessions-redis62 (shared group): editing it needs every other user named, and says whom it touches", () => {
    const choices = {
      ...recommendedChoices(snap, "sessions-redis62"),
      parameterGroup: { mode: "edit-shared" as const, name: "shared-lru-redis6", confirmedClusters: [] },
    };
    expect(() => computePlan(snap, choices)).toThrow(PlanInputError);
    try {
      computePlan(snap, choices);
    } catch (err) {
      expect((err as PlanInputError).fieldErrors).toEqual({
        "parameterGroup.confirmedClusters": [
          "Editing shared-lru-redis6 also changes cache-redis62: name every one of them to confirm.",
        ],
      });
    }
    const plan = computePlan(snap, {
      ...choices,
      parameterGroup: { ...choices.parameterGroup, confirmedClusters: ["cache-redis62"] },
    });
    expect(actions(plan)).toEqual([
      "authorize-ingress:no-op",
      "modify-parameter-group:change",
      "modify-replication-group:no-op",
    ]);
    expect(step(plan, "modify-parameter-group").touches).toEqual(["cache-redis62"]);
    expect(step(plan, "modify-parameter-group").changes).toEqual([
      { attribute: "maxmemory-policy", before: "allkeys-lru", after: "noeviction" },
    ]);
    expect(plan.warnings).toEqual(["Editing shared-lru-redis6 changes cache-redis62 as well, at once."]);
  });

  it("busy-redis7: the plan is shown but blocked", () => {
    const plan = computePlan(snap, recommendedChoices(snap, "busy-redis7"));
    expect(plan.blockers).toEqual([
      "busy-redis7 is modifying: AWS refuses changes until it is available. Preview again once it is.",
    ]);
    expect(plan.summary.change).toBe(2);
  });

  it("legacy-redis5: the rule goes on port 6380; no other cluster sharing cache-prod listens there", () => {
    const plan = computePlan(snap, recommendedChoices(snap, "legacy-redis5"));
    const ingress = step(plan, "authorize-ingress");
    expect(ingress.action).toBe("create");
    expect(ingress.params.IpPermissions).toEqual([
      {
        IpProtocol: "tcp",
        FromPort: 6380,
        ToPort: 6380,
        UserIdGroupPairs: [
          { GroupId: "sg-0app000000000001", Description: "BullMQ access to legacy-redis5 (QueueReady)" },
        ],
      },
    ]);
    expect(ingress.touches).toEqual([]);
    expect(plan.warnings).toEqual([
      "Redis 5.0.6 works, but BullMQ warns below 6.2.0: plan an engine upgrade.",
    ]);
  });

  it("a new security group: its id is a reference, and SecurityGroupIds keeps the groups attached now", () => {
    const base = recommendedChoices(snap, "orders-redis7");
    const plan = computePlan(snap, {
      ...base,
      network: {
        securityGroup: { mode: "new", name: "queueready-orders-redis7" },
        source: { kind: "cidr", cidr: "10.0.5.7/16" },
      },
    });
    expect(actions(plan)[0]).toBe("create-security-group:create");
    expect(step(plan, "create-security-group").params).toMatchObject({
      GroupName: "queueready-orders-redis7",
      VpcId: "vpc-0prod00000000001",
    });
    expect(step(plan, "authorize-ingress").params).toEqual({
      GroupId: { ref: "step:create-security-group.GroupId" },
      IpPermissions: [
        {
          IpProtocol: "tcp",
          FromPort: 6379,
          ToPort: 6379,
          IpRanges: [{ CidrIp: "10.0.0.0/16", Description: "BullMQ access to orders-redis7 (QueueReady)" }],
        },
      ],
    });
    expect(step(plan, "modify-replication-group").params.SecurityGroupIds).toEqual([
      "sg-0cache00000000001",
      { ref: "step:create-security-group.GroupId" },
    ]);
    expect(step(plan, "modify-replication-group").securitySensitive).toBe(true);
    expect(plan.warnings).toEqual(["AWS stores 10.0.5.7/16 as 10.0.0.0/16."]);
  });

  it("a re-plan after the apply is empty", () => {
    const after = withAttachedGroup(snap, "orders-redis7", "bullmq-redis7-noeviction", "redis7");
    const plan = computePlan(after, recommendedChoices(after, "orders-redis7"));
    expect(plan.choices.parameterGroup).toEqual({ mode: "reuse", name: "bullmq-redis7-noeviction" });
    expect(plan.converged).toBe(true);
  });

  it("refuses a target that cannot be fixed, with the reason", () => {
    const choices = { ...recommendedChoices(snap, "orders-redis7"), target: targetOf("ancient-redis4") };
    expect(() => computePlan(snap, choices)).toThrow(
      "ancient-redis4 runs Redis 4.0.10: BullMQ refuses Redis below 5.0.0. Upgrade the engine first.",
    );
  });
});
