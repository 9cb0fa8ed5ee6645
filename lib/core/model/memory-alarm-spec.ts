/**
 * The memory alarm QueueReady puts for a target: `<target>-bullmq-memory` on
 * `DatabaseMemoryUsageCountedForEvictPercentage` (what the engine compares with maxmemory before refusing
 * writes), Maximum over 60 s, 5 of 5 periods above the threshold (80 % unless a person chose another), on
 * the replication group or the standalone cluster. The plan step, the remediation's CLI line and the undo
 * all derive from this one definition.
 */
import type { TargetRef } from "@/lib/core/identity/identity";
import { ALARM_METRIC } from "./alarms";

export const DEFAULT_ALARM_THRESHOLD = 80;

export interface MemoryAlarmSpec {
  alarmName: string;
  metricName: string;
  dimension: { name: "ReplicationGroupId" | "CacheClusterId"; value: string };
  statistic: "Maximum";
  period: 60;
  evaluationPeriods: 5;
  datapointsToAlarm: 5;
  threshold: number;
  comparisonOperator: "GreaterThanThreshold";
  /** SNS topics notified; empty: the alarm changes state but nobody is told. */
  alarmActions: string[];
}

export function memoryAlarmSpec(
  ref: Pick<TargetRef, "id" | "kind">,
  opts: { threshold?: number; topicArn?: string } = {},
): MemoryAlarmSpec {
  return {
    alarmName: `${ref.id}-bullmq-memory`,
    metricName: ALARM_METRIC,
    dimension: {
      name: ref.kind === "replication-group" ? "ReplicationGroupId" : "CacheClusterId",
      value: ref.id,
    },
    statistic: "Maximum",
    period: 60,
    evaluationPeriods: 5,
    datapointsToAlarm: 5,
    threshold: opts.threshold ?? DEFAULT_ALARM_THRESHOLD,
    comparisonOperator: "GreaterThanThreshold",
    alarmActions: opts.topicArn ? [opts.topicArn] : [],
  };
}
