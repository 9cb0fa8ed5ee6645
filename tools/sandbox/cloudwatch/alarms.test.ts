import { describe, expect, it } from "vitest";
import { emptyRegion } from "@/tools/sandbox/model/state";
import { buildState } from "@/tools/sandbox/seed/build";
import { defaultAccount } from "@/tools/sandbox/model/accounts";
import { addAlarm } from "@/tools/sandbox/seed/alarm-builders";
import { ALARM_LIMIT, describeAlarms, putMetricAlarm } from "./alarms";

const alarm = (AlarmName: string) => ({
  AlarmName,
  Namespace: "AWS/ElastiCache",
  MetricName: "DatabaseMemoryUsagePercentage",
  Statistic: "Maximum",
  Period: 60,
  EvaluationPeriods: 5,
  Threshold: 80,
  ComparisonOperator: "GreaterThanThreshold",
});

describe("sandbox alarms", () => {
  it("refuses a new alarm past the per-region quota with LimitExceeded, but still updates an existing one", () => {
    const region = emptyRegion("us-east-1");
    for (let i = 0; i < ALARM_LIMIT; i++)
      addAlarm(region, {
        name: `a-${i}`,
        metricName: "Evictions",
        dimension: { name: "CacheClusterId", value: "x" },
        threshold: 0,
      });
    expect(() => putMetricAlarm(region, alarm("one-too-many"), 0)).toThrow(
      expect.objectContaining({ code: "LimitExceeded", status: 400 }),
    );
    expect(() => putMetricAlarm(region, alarm("a-7"), 0)).not.toThrow();
    expect(region.alarms).toHaveLength(ALARM_LIMIT);
  });

  it("ignores the tags of an update, as PutMetricAlarm does for an existing alarm", () => {
    const region = emptyRegion("us-east-1");
    putMetricAlarm(region, { ...alarm("a"), Tags: [{ Key: "queueready:managed", Value: "true" }] }, 1);
    putMetricAlarm(region, { ...alarm("a"), Threshold: 70, Tags: [{ Key: "other", Value: "x" }] }, 2);
    expect(region.alarms?.[0]).toMatchObject({
      threshold: 70,
      tags: [{ key: "queueready:managed", value: "true" }],
      configuredAt: 2,
      stateUpdatedAt: 1,
    });
  });

  it("answers composite alarms only when asked for them, and nothing for children of an alarm", () => {
    const region = emptyRegion("us-east-1");
    putMetricAlarm(region, alarm("a"), 0);
    expect(describeAlarms(region, {})).not.toHaveProperty("CompositeAlarms");
    expect(describeAlarms(region, { AlarmTypes: ["CompositeAlarm"] })).toMatchObject({
      CompositeAlarms: [],
      MetricAlarms: [],
    });
    expect(describeAlarms(region, { ChildrenOfAlarmName: "a" })).toMatchObject({ MetricAlarms: [] });
  });

  it("seeds hand-made alarms in the default seed and the fleet, and a reset brings them back", () => {
    const us = defaultAccount(buildState("default")).regions["us-east-1"]!;
    expect(us.alarms?.map((a) => a.name)).toEqual(["secure-redis7-memory", "orders-redis7-memory-late"]);
    const fleet = defaultAccount(buildState({ clusters: 60, regions: ["us-east-1"] })).regions["us-east-1"]!;
    const groups = fleet.replicationGroups.length;
    expect(fleet.alarms).toHaveLength(Math.ceil(groups / 3));
    expect(fleet.alarms!.some((a) => a.threshold === 95)).toBe(true);
    expect(fleet.alarms!.every((a) => a.tags.length === 0)).toBe(true);
  });
});
