import { describe, expect, it } from "vitest";
import { computePlan } from "./compute-plan";
import { renderCli, shellQuote } from "./render-cli";
import { planFileName, renderJson } from "./render-json";
import { recommendedChoices } from "@/tools/testing/plan-helpers";
import { seedUsEast1 } from "@/tools/testing/fixtures";

const snap = seedUsEast1();

describe("shellQuote", () => {
  it("leaves safe words bare and single-quotes the rest", () => {
    expect(shellQuote("sg-0cache00000000001")).toBe("sg-0cache00000000001");
    expect(shellQuote("Key=queueready:target,Value=orders-redis7")).toBe(
      "Key=queueready:target,Value=orders-redis7",
    );
    expect(shellQuote("two words")).toBe("'two words'");
    expect(shellQuote("it's $HOME")).toBe("'it'\\''s $HOME'");
    expect(shellQuote("")).toBe("''");
  });
});

describe("renderCli", () => {
  it("renders events-cluster as exact AWS CLI commands", () => {
    const script = renderCli(computePlan(snap, recommendedChoices(snap, "events-cluster")));
    const commands = script.split("\n").filter((l) => l.startsWith("aws "));
    expect(commands).toEqual([
      `aws ec2 authorize-security-group-ingress --region us-east-1 --group-id sg-0cache00000000003 --ip-permissions '[{"IpProtocol":"tcp","FromPort":6379,"ToPort":6379,"UserIdGroupPairs":[{"GroupId":"sg-0app000000000001","Description":"BullMQ access to events-cluster (QueueReady)"}]}]' --tag-specifications '[{"ResourceType":"security-group-rule","Tags":[{"Key":"created-by","Value":"queueready"},{"Key":"queueready:target","Value":"123456789012/us-east-1/replication-group/events-cluster"}]}]'`,
      "aws elasticache create-cache-parameter-group --region us-east-1 --cache-parameter-group-name bullmq-redis7-cluster-noeviction --cache-parameter-group-family redis7 --description 'maxmemory-policy=noeviction for BullMQ on events-cluster, created by QueueReady' --tags Key=created-by,Value=queueready Key=queueready:target,Value=123456789012/us-east-1/replication-group/events-cluster",
      "aws elasticache modify-cache-parameter-group --region us-east-1 --cache-parameter-group-name bullmq-redis7-cluster-noeviction --parameter-name-values ParameterName=maxmemory-policy,ParameterValue=noeviction ParameterName=cluster-enabled,ParameterValue=yes",
      "aws elasticache modify-replication-group --region us-east-1 --replication-group-id events-cluster --cache-parameter-group-name bullmq-redis7-cluster-noeviction --apply-immediately",
    ]);
    expect(script.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(script).toContain("\nset -euo pipefail\n");
  });

  it("captures a new security group's id and comments out no-ops", () => {
    const base = recommendedChoices(snap, "standalone-redis");
    const plan = computePlan(snap, {
      ...base,
      network: {
        securityGroup: { mode: "new", name: "queueready-standalone-redis" },
        source: { kind: "security-group", groupId: "sg-0stagapp00000001" },
      },
    });
    const lines = renderCli(plan).split("\n");
    expect(lines).toContain(
      `SG_ID=$(aws ec2 create-security-group --region us-east-1 --group-name queueready-standalone-redis --description 'BullMQ access to standalone-redis, created by QueueReady' --vpc-id vpc-0stag00000000002 --tag-specifications '[{"ResourceType":"security-group","Tags":[{"Key":"created-by","Value":"queueready"},{"Key":"queueready:target","Value":"123456789012/us-east-1/cache-cluster/standalone-redis"}]}]' --query GroupId --output text)`,
    );
    expect(lines.find((l) => l.startsWith("aws ec2 authorize"))).toContain(
      `--group-id "$SG_ID" --ip-permissions`,
    );
    expect(lines).toContain(
      `aws elasticache modify-cache-cluster --region us-east-1 --cache-cluster-id standalone-redis --cache-parameter-group-name bullmq-redis7-noeviction --security-group-ids sg-0stagcache000001 "$SG_ID" --apply-immediately`,
    );
    const ready = renderCli(computePlan(snap, recommendedChoices(snap, "jobs-valkey8"))).split("\n");
    expect(ready.filter((l) => l.startsWith("aws "))).toEqual([]);
    expect(ready).toContain("#    no-op: bullmq-valkey8 already has maxmemory-policy=noeviction.");
  });
});

describe("renderJson", () => {
  it("round-trips the plan with its format marker", () => {
    const plan = computePlan(snap, recommendedChoices(snap, "orders-redis7"));
    const doc = JSON.parse(renderJson(plan));
    expect(doc.format).toBe("queueready-plan");
    expect(doc.plan).toEqual(JSON.parse(JSON.stringify(plan)));
    expect(doc.plan.steps).toHaveLength(4);
    expect(planFileName(plan, "sh")).toBe("queueready-plan-us-east-1-orders-redis7.sh");
  });

  it("names each step's AWS call as AWS does, and says which the target's account is", () => {
    const plan = computePlan(snap, recommendedChoices(snap, "orders-redis7"));
    const doc = JSON.parse(renderJson(plan));
    expect(doc.plan.target.accountId).toBe("123456789012");
    expect(doc.awsCalls.map((c: { operation: string; sent: boolean }) => [c.operation, c.sent])).toEqual([
      ["AuthorizeSecurityGroupIngress", false],
      ["CreateCacheParameterGroup", true],
      ["ModifyCacheParameterGroup", true],
      ["ModifyReplicationGroup", true],
    ]);
    expect(doc.awsCalls[3].params).toEqual({
      ReplicationGroupId: "orders-redis7",
      CacheParameterGroupName: "bullmq-redis7-noeviction",
      ApplyImmediately: true,
    });
  });
});
