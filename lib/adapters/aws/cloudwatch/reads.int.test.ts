import { describe, expect, it } from "vitest";
import { AwsError } from "@/lib/adapters/aws/errors";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { listElastiCacheAlarms, readMemoryUse } from "./reads";

const h = sandboxPerFile();

describe("CloudWatch reads against the seeded sandbox", () => {
  it("lists the account-region's ElastiCache alarms in one paged walk", async () => {
    const { ctx } = h.context();
    const alarms = await listElastiCacheAlarms(ctx);
    expect(alarms.map((a) => a.name).sort()).toEqual(["orders-redis7-memory-late", "secure-redis7-memory"]);
    expect(alarms.find((a) => a.name === "secure-redis7-memory")).toEqual({
      name: "secure-redis7-memory",
      arn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:secure-redis7-memory",
      namespace: "AWS/ElastiCache",
      metricName: "DatabaseMemoryUsagePercentage",
      dimensions: [{ name: "ReplicationGroupId", value: "secure-redis7" }],
      statistic: "Maximum",
      threshold: 85,
      comparisonOperator: "GreaterThanThreshold",
      period: 60,
      evaluationPeriods: 5,
      actionsEnabled: true,
      alarmActions: ["arn:aws:sns:us-east-1:123456789012:ops-pager"],
      stateValue: "OK",
    });
    expect(await listElastiCacheAlarms(h.context("eu-west-1").ctx)).toEqual([]);
    expect(h.sandbox.control.calls()["cloudwatch:DescribeAlarms"]).toBe(2);
  });

  it("reads the last 15 minutes' maximum memory use per cache cluster, leaving out clusters without data", async () => {
    const { ctx } = h.context();
    const use = await readMemoryUse(ctx, ["secure-redis7-001", "jobs-valkey8-002", "no-such-cluster"]);
    expect(use.map((u) => u.cacheClusterId)).toEqual(["secure-redis7-001", "jobs-valkey8-002"]);
    expect(use[0]!.percent).toBeCloseTo(86 * 0.96, 3);
    expect(use[1]!.percent).toBeCloseTo(41 * 0.96, 3);
  });

  it("a failed read is an AwsError naming CloudWatch and the operation", async () => {
    h.sandbox.control.addFault({ operation: "DescribeAlarms", kind: "access-denied" });
    const err = await listElastiCacheAlarms(h.context().ctx).catch((e: unknown) => e);
    h.sandbox.control.clearFaults();
    expect(err).toBeInstanceOf(AwsError);
    expect((err as AwsError).problem).toMatchObject({
      code: "access-denied",
      operation: "DescribeAlarms",
      iamAction: "cloudwatch:DescribeAlarms",
    });
  });
});
