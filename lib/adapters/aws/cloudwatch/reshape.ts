/** CloudWatch SDK shapes → the core's (lib/core/model/alarms.ts). */
import type { MetricAlarm } from "@aws-sdk/client-cloudwatch";
import type { MemoryUse, MetricAlarm as AlarmModel } from "@/lib/core/model/alarms";

export function reshapeMetricAlarm(a: MetricAlarm): AlarmModel | undefined {
  if (!a.AlarmName || !a.Namespace || !a.MetricName) return undefined;
  return {
    name: a.AlarmName,
    arn: a.AlarmArn ?? "",
    description: a.AlarmDescription,
    namespace: a.Namespace,
    metricName: a.MetricName,
    dimensions: (a.Dimensions ?? []).flatMap((d) =>
      d.Name && d.Value ? [{ name: d.Name, value: d.Value }] : [],
    ),
    statistic: a.Statistic ?? a.ExtendedStatistic,
    threshold: a.Threshold,
    comparisonOperator: a.ComparisonOperator,
    period: a.Period,
    evaluationPeriods: a.EvaluationPeriods,
    actionsEnabled: a.ActionsEnabled ?? true,
    alarmActions: a.AlarmActions ?? [],
    stateValue: a.StateValue ?? "INSUFFICIENT_DATA",
  };
}

/** The maximum of a cluster's datapoints; undefined when the window held none (no data is not 0 %). */
export function reshapeMemoryUse(id: string, values: number[]): MemoryUse | undefined {
  if (values.length === 0) return undefined;
  return { cacheClusterId: id, percent: Math.max(...values) };
}
