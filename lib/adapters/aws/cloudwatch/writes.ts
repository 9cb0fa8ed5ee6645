/**
 * CloudWatch writes: the memory alarm QueueReady puts with noeviction, and its removal (undo).
 * PutMetricAlarm is an upsert: sending the same alarm again leaves one alarm, so a resumed run repeats it.
 */
import { DeleteAlarmsCommand, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { writeAws } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import type { Tag } from "@/lib/core/model/resources";

/** The alarm as PutMetricAlarm takes it (the plan's `put-metric-alarm` input, with the run's description). */
export interface MetricAlarmPut {
  alarmName: string;
  description: string;
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  statistic: "Maximum";
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparisonOperator: "GreaterThanThreshold";
  treatMissingData: string;
  alarmActions: string[];
  /** Only applied when the alarm is created: AWS ignores Tags on an update. */
  tags?: Tag[];
}

export async function putMetricAlarm(ctx: AwsContext, alarm: MetricAlarmPut): Promise<void> {
  await writeAws(ctx, "cloudwatch", "PutMetricAlarm", ({ cloudwatch }) =>
    cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: alarm.alarmName,
        AlarmDescription: alarm.description,
        Namespace: alarm.namespace,
        MetricName: alarm.metricName,
        Dimensions: alarm.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
        Statistic: alarm.statistic,
        Period: alarm.period,
        EvaluationPeriods: alarm.evaluationPeriods,
        DatapointsToAlarm: alarm.datapointsToAlarm,
        Threshold: alarm.threshold,
        ComparisonOperator: alarm.comparisonOperator,
        TreatMissingData: alarm.treatMissingData,
        ActionsEnabled: true,
        AlarmActions: alarm.alarmActions,
        Tags: alarm.tags?.length ? alarm.tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
      }),
    ),
  );
}

/** Deletes alarms by name (undo checks first that each still exists and is QueueReady's). */
export async function deleteAlarms(ctx: AwsContext, names: string[]): Promise<void> {
  await writeAws(ctx, "cloudwatch", "DeleteAlarms", ({ cloudwatch }) =>
    cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: names })),
  );
}
