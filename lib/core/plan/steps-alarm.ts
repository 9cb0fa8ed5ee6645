/**
 * The memory alarm step: under noeviction a full node refuses writes, so every plan (they all move the
 * target to noeviction) puts `<target>-bullmq-memory` unless an alarm already watches the target's memory
 * (lib/core/model/memory-watch.ts decides which count; one put by hand does) or the person left it out.
 */
import { targetKey } from "@/lib/core/identity/identity";
import { memoryWatchOf } from "@/lib/core/model/memory-watch";
import { DEFAULT_ALARM_THRESHOLD, memoryAlarmSpec } from "@/lib/core/model/memory-alarm-spec";
import type { AlarmChoice } from "./choices";
import type { ResolvedTarget } from "./target";
import { createdByTags, type AttributeChange, type PutMetricAlarmStep } from "./types";

export const NOBODY_NOTIFIED =
  "The memory alarm has no SNS topic: it changes state but nobody will be notified. Set QUEUEREADY_ALARM_TOPIC_ARN, the account's alarmTopicArn in the accounts file, or choose a topic.";
export const ALARM_LEFT_OUT =
  "No memory alarm (left out on purpose): under noeviction a full node refuses writes and nobody is warned before.";

/** The run marker QueueReady appends to the alarm's description when it puts it. */
const RUN_MARK = "QueueReady run ";

/** The AlarmDescription apply sends: the plan's sentence plus the run, which is how undo knows it is ours. */
export function alarmDescriptionOf(planned: string, runId: string): string {
  return `${planned} ${RUN_MARK}${runId}.`;
}

/** Whether an alarm's description says run `runId` put it. */
export function alarmPutByRun(description: string | undefined, runId: string): boolean {
  return description?.endsWith(` ${RUN_MARK}${runId}.`) ?? false;
}

/** Whether an alarm's description says some QueueReady run put it (a person may have replaced it since). */
export function alarmPutByQueueReady(description: string | undefined): boolean {
  return /QueueReady run [0-9a-z-]{1,64}\.$/.test(description ?? "");
}

/** A topic in another region cannot be an alarm action (CloudWatch refuses it): a field error, or undefined. */
export function alarmTopicProblem(choice: AlarmChoice | undefined, region: string): string | undefined {
  if (choice?.mode !== "put" || !choice.topicArn) return undefined;
  const topicRegion = choice.topicArn.split(":")[3];
  return topicRegion === region
    ? undefined
    : `is in ${topicRegion}: an alarm in ${region} can only notify a topic of its own region.`;
}

/** The step, or undefined when no alarm is to be put; `warnings` receives what the preview must say. */
export function putMetricAlarmStep(
  t: ResolvedTarget,
  choice: AlarmChoice | undefined,
  warnings: string[],
): PutMetricAlarmStep | undefined {
  if (choice?.mode === "none") {
    warnings.push(ALARM_LEFT_OUT);
    return undefined;
  }
  const watch = memoryWatchOf(t);
  // No CloudWatch read at all (a snapshot built by hand): nothing to decide from.
  if (!watch.alarms) return undefined;
  if (watch.alarms.ok && watch.alarms.counting.length > 0) return undefined;
  if (!watch.alarms.ok)
    warnings.push(
      `CloudWatch alarms could not be read (${watch.alarms.problem.message}): the memory alarm is planned anyway; PutMetricAlarm replaces an alarm of the same name.`,
    );
  const spec = memoryAlarmSpec(t.ref, {
    threshold: choice?.threshold ?? DEFAULT_ALARM_THRESHOLD,
    topicArn: choice?.topicArn,
  });
  const existing = t.snapshot.cloudwatch?.alarms.ok
    ? t.snapshot.cloudwatch.alarms.value.find((a) => a.name === spec.alarmName)
    : undefined;
  const nobody = spec.alarmActions.length === 0;
  if (nobody) warnings.push(NOBODY_NOTIFIED);
  const target = `${spec.dimension.name}=${spec.dimension.value}`;
  const changes: AttributeChange[] = [
    { attribute: "AlarmName", before: existing?.name ?? null, after: spec.alarmName },
    {
      attribute: "Threshold",
      before:
        existing?.threshold !== undefined
          ? `${existing.comparisonOperator ?? "?"} ${existing.threshold}`
          : null,
      after: `${spec.comparisonOperator} ${spec.threshold}`,
    },
    {
      attribute: "AlarmActions",
      before: existing ? existing.alarmActions.join(", ") || "nobody" : null,
      after: nobody ? "nobody (no SNS topic)" : spec.alarmActions.join(", "),
    },
  ];
  return {
    id: "put-metric-alarm",
    kind: "put-metric-alarm",
    action: existing ? "change" : "create",
    title:
      `Put memory alarm ${spec.alarmName} (${spec.metricName} > ${spec.threshold} % for 5 minutes)` +
      (nobody ? ": nobody will be notified" : `, notifying ${spec.alarmActions.join(", ")}`),
    service: "cloudwatch",
    operation: "PutMetricAlarm",
    tags: existing ? undefined : createdByTags(targetKey(t.ref)),
    input: {
      alarmName: spec.alarmName,
      description: `BullMQ memory alarm for ${t.ref.id}: under noeviction a full node refuses writes.`,
      namespace: "AWS/ElastiCache",
      metricName: spec.metricName,
      dimensions: [spec.dimension],
      statistic: spec.statistic,
      period: spec.period,
      evaluationPeriods: spec.evaluationPeriods,
      datapointsToAlarm: spec.datapointsToAlarm,
      threshold: spec.threshold,
      comparisonOperator: spec.comparisonOperator,
      // No datapoints is not a full node: an idle or new cluster must not page anyone.
      treatMissingData: "missing",
      alarmActions: spec.alarmActions,
    },
    changes,
    effect: {
      when: "immediately",
      reboot: false,
      downtime: false,
      why: `An alarm changes nothing on ${t.ref.id}: it fires when the fullest node (${target}) stays above ${spec.threshold} % of maxmemory for 5 minutes, before writes are refused.`,
    },
    touches: [],
    securitySensitive: false,
  };
}
