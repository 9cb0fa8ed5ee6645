/**
 * CloudWatch as QueueReady reads it: the account-region's metric alarms on `AWS/ElastiCache`, and the
 * memory use of each cache cluster (the maximum of the last 15 minutes). Facts: docs/aws-facts.md §8.
 */

/** A metric alarm as DescribeAlarms reports it, trimmed to what the memory-alarm rule judges. */
export interface MetricAlarm {
  name: string;
  arn: string;
  /** AlarmDescription: QueueReady's own alarms name the run that put them here. */
  description?: string;
  namespace: string;
  metricName: string;
  dimensions: Array<{ name: string; value: string }>;
  statistic?: string;
  threshold?: number;
  comparisonOperator?: string;
  period?: number;
  evaluationPeriods?: number;
  actionsEnabled: boolean;
  alarmActions: string[];
  stateValue: string;
}

/** The memory metrics an alarm may watch: the share of maxmemory, and the bytes a serverless cache holds. */
export const MEMORY_PERCENT_METRICS = [
  "DatabaseMemoryUsageCountedForEvictPercentage",
  "DatabaseMemoryUsagePercentage",
] as const;
export const SERVERLESS_BYTES_METRIC = "BytesUsedForCache";
/** What the engine compares with maxmemory before refusing a write (the metric QueueReady alarms on). */
export const ALARM_METRIC = "DatabaseMemoryUsageCountedForEvictPercentage";

/** Memory use of a cache cluster: the maximum of the last 15 minutes, in percent of maxmemory. */
export interface MemoryUse {
  cacheClusterId: string;
  percent: number;
}
