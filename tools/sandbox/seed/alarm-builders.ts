/**
 * CloudWatch alarms and memory readings for seeded regions: alarms as a person would have put them by
 * hand (no queueready:* tags), created at the seed time so every reset gives the same answers.
 */
import type { AlarmState, RegionState } from "@/tools/sandbox/model/state";
import { SEED_TIME } from "./cache-builders";

export interface AlarmSeed {
  name: string;
  metricName: string;
  dimension: { name: string; value: string };
  threshold: number;
  comparisonOperator?: string;
  stateValue?: AlarmState["stateValue"];
  alarmActions?: string[];
}

export function addAlarm(region: RegionState, seed: AlarmSeed): void {
  (region.alarms ??= []).push({
    name: seed.name,
    arn: `arn:aws:cloudwatch:${region.region}:${region.accountId}:alarm:${seed.name}`,
    actionsEnabled: true,
    okActions: [],
    alarmActions: seed.alarmActions ?? [],
    insufficientDataActions: [],
    namespace: "AWS/ElastiCache",
    metricName: seed.metricName,
    statistic: "Maximum",
    dimensions: [seed.dimension],
    period: 60,
    evaluationPeriods: 5,
    threshold: seed.threshold,
    comparisonOperator: seed.comparisonOperator ?? "GreaterThanThreshold",
    stateValue: seed.stateValue ?? "OK",
    stateReason: "Threshold Crossed: 5 datapoints were not greater than the threshold.",
    configuredAt: SEED_TIME,
    stateUpdatedAt: SEED_TIME,
    tags: [],
  });
}

/** Sets a cache cluster's (or serverless cache's) seeded memory use, in percent of its maximum. */
export function setMemoryPercent(region: RegionState, id: string, percent: number): void {
  (region.memoryPercent ??= {})[id] = percent;
}
