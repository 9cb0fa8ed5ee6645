import { describe, expect, it } from "vitest";
import type { MetricAlarm } from "@/lib/core/model/alarms";
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { recommendedChoices } from "@/tools/testing/plan-helpers";
import { awsParams } from "./aws-params";
import { computePlan, PlanInputError } from "./compute-plan";
import { renderCli } from "./render-cli";
import { stepActions } from "./step-policy";
import { alarmDescriptionOf, alarmPutByQueueReady, alarmPutByRun, NOBODY_NOTIFIED } from "./steps-alarm";

const TOPIC = "arn:aws:sns:us-east-1:123456789012:ops-pager";

const alarm = (over: Partial<MetricAlarm>): MetricAlarm => ({
  name: "by-hand",
  arn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:by-hand",
  namespace: "AWS/ElastiCache",
  metricName: "DatabaseMemoryUsagePercentage",
  dimensions: [{ name: "ReplicationGroupId", value: "orders-redis7" }],
  threshold: 85,
  comparisonOperator: "GreaterThanThreshold",
  actionsEnabled: true,
  alarmActions: [],
  stateValue: "OK",
  ...over,
});

/** The seeded account with CloudWatch read, holding `alarms`. */
function withAlarms(alarms: MetricAlarm[]): RegionSnapshot {
  return {
    ...seedUsEast1(),
    cloudwatch: { alarms: { ok: true, value: alarms }, memory: { ok: true, value: [] } },
  };
}

const alarmStep = (snap: RegionSnapshot, choices = recommendedChoices(snap, "orders-redis7")) =>
  computePlan(snap, choices).steps.find((s) => s.kind === "put-metric-alarm");

describe("the memory alarm step", () => {
  it("is added, with AWS's parameters, when no alarm watches the target's memory", () => {
    const snap = withAlarms([]);
    const choices = {
      ...recommendedChoices(snap, "orders-redis7"),
      alarm: { mode: "put" as const, threshold: 85, topicArn: TOPIC },
    };
    const plan = computePlan(snap, choices);
    const step = plan.steps.at(-1)!;
    expect(step.kind).toBe("put-metric-alarm");
    expect(step.action).toBe("create");
    expect(awsParams(step)).toEqual({
      AlarmName: "orders-redis7-bullmq-memory",
      AlarmDescription: "BullMQ memory alarm for orders-redis7: under noeviction a full node refuses writes.",
      Namespace: "AWS/ElastiCache",
      MetricName: "DatabaseMemoryUsageCountedForEvictPercentage",
      Dimensions: [{ Name: "ReplicationGroupId", Value: "orders-redis7" }],
      Statistic: "Maximum",
      Period: 60,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 5,
      Threshold: 85,
      ComparisonOperator: "GreaterThanThreshold",
      TreatMissingData: "missing",
      AlarmActions: [TOPIC],
      Tags: [
        { Key: "created-by", Value: "queueready" },
        { Key: "queueready:target", Value: "123456789012/us-east-1/replication-group/orders-redis7" },
      ],
    });
    expect(stepActions(step)).toEqual(["cloudwatch:PutMetricAlarm", "cloudwatch:TagResource"]);
    expect(plan.warnings).not.toContain(NOBODY_NOTIFIED);
    expect(renderCli(plan)).toContain(
      "aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name orders-redis7-bullmq-memory",
    );
    expect(renderCli(plan)).toContain(
      `--threshold 85 --comparison-operator GreaterThanThreshold --treat-missing-data missing --alarm-actions ${TOPIC}`,
    );
  });

  it("says nobody will be notified without a topic, and watches a standalone cluster by CacheClusterId", () => {
    const snap = withAlarms([]);
    const plan = computePlan(snap, recommendedChoices(snap, "standalone-redis"));
    const step = plan.steps.find((s) => s.kind === "put-metric-alarm")!;
    expect(step.title).toMatch(/: nobody will be notified$/);
    expect(plan.warnings).toContain(NOBODY_NOTIFIED);
    expect(awsParams(step)).toMatchObject({
      Dimensions: [{ Name: "CacheClusterId", Value: "standalone-redis" }],
      Threshold: 80,
      AlarmActions: [],
    });
    expect(renderCli(plan)).not.toContain("--alarm-actions");
  });

  it("is left out when an alarm (one put by hand too) already counts, or when the person says no", () => {
    expect(alarmStep(withAlarms([alarm({})]))).toBeUndefined();
    const snap = withAlarms([]);
    const plan = computePlan(snap, { ...recommendedChoices(snap, "orders-redis7"), alarm: { mode: "none" } });
    expect(plan.steps.map((s) => s.kind)).not.toContain("put-metric-alarm");
    expect(plan.warnings.join(" ")).toMatch(/left out on purpose/);
    // A snapshot without CloudWatch read at all: nothing to decide from.
    expect(alarmStep(seedUsEast1())).toBeUndefined();
  });

  it("replaces an alarm of its name that fires too late (a change, not a create, and no tags)", () => {
    const step = alarmStep(withAlarms([alarm({ name: "orders-redis7-bullmq-memory", threshold: 97 })]))!;
    expect(step.action).toBe("change");
    expect(step.tags).toBeUndefined();
    expect(step.changes[1]).toEqual({
      attribute: "Threshold",
      before: "GreaterThanThreshold 97",
      after: "GreaterThanThreshold 80",
    });
  });

  it("is planned anyway when the alarms could not be read, saying why", () => {
    const snap: RegionSnapshot = {
      ...seedUsEast1(),
      cloudwatch: {
        alarms: { ok: false, problem: { code: "access-denied", message: "Not allowed.", retryable: false } },
        memory: { ok: true, value: [] },
      },
    };
    const plan = computePlan(snap, recommendedChoices(snap, "orders-redis7"));
    expect(plan.steps.at(-1)!.kind).toBe("put-metric-alarm");
    expect(plan.warnings.join(" ")).toMatch(/CloudWatch alarms could not be read \(Not allowed\.\)/);
  });

  it("refuses a topic of another region, by field", () => {
    const snap = withAlarms([]);
    const choices = {
      ...recommendedChoices(snap, "orders-redis7"),
      alarm: { mode: "put" as const, threshold: 80, topicArn: "arn:aws:sns:eu-west-1:123456789012:ops" },
    };
    const err = (() => {
      try {
        computePlan(snap, choices);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PlanInputError);
    expect((err as PlanInputError).fieldErrors["alarm.topicArn"]).toEqual([
      "is in eu-west-1: an alarm in us-east-1 can only notify a topic of its own region.",
    ]);
  });

  it("an alarm added between preview and apply moves the fingerprint", () => {
    const before = computePlan(withAlarms([]), recommendedChoices(withAlarms([]), "orders-redis7"));
    const after = computePlan(withAlarms([alarm({})]), recommendedChoices(withAlarms([]), "orders-redis7"));
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it("the run in the description is how undo tells QueueReady's alarm from a person's", () => {
    const d = alarmDescriptionOf("BullMQ memory alarm for x.", "run-1");
    expect(alarmPutByRun(d, "run-1")).toBe(true);
    expect(alarmPutByRun(d, "run-2")).toBe(false);
    expect(alarmPutByQueueReady(d)).toBe(true);
    expect(alarmPutByQueueReady("ops team's own")).toBe(false);
    expect(alarmPutByQueueReady(undefined)).toBe(false);
  });
});
