/** The memory alarm the fix adds, as aws_cloudwatch_metric_alarm / AWS::CloudWatch::Alarm. */
import type { PutMetricAlarmStep } from "../types";
import { metricAlarmProperties } from "../aws-params";
import type { IacContext, NewResource } from "./model";
import { addedNames } from "./names";
import { cloudFormationTags, terraformTags } from "./values";

export function memoryAlarmPart(step: PutMetricAlarmStep, ctx: IacContext): NewResource {
  const i = step.input;
  const names = addedNames(ctx.plan, "memory alarm");
  // An alarm of this name exists already (the step replaces it): the owner imports it rather than creating a second.
  const existing = step.action !== "create";
  const actions = i.alarmActions.length > 0 ? i.alarmActions : undefined;
  return {
    part: "new",
    step: step.kind,
    why: [
      `${step.title}.`,
      ...(existing ? [`${i.alarmName} exists already: declared here and imported.`] : []),
      ...(actions ? [] : ["No SNS topic: add alarm actions, or nobody is told when it fires."]),
    ],
    terraform: {
      type: "aws_cloudwatch_metric_alarm",
      name: names.terraform,
      attrs: {
        alarm_name: i.alarmName,
        alarm_description: i.description,
        namespace: i.namespace,
        metric_name: i.metricName,
        dimensions: Object.fromEntries(i.dimensions.map((d) => [d.name, d.value])),
        statistic: i.statistic,
        period: i.period,
        evaluation_periods: i.evaluationPeriods,
        datapoints_to_alarm: i.datapointsToAlarm,
        threshold: i.threshold,
        comparison_operator: i.comparisonOperator,
        treat_missing_data: i.treatMissingData,
        alarm_actions: actions,
        tags: step.tags ? terraformTags(step.tags) : undefined,
      },
    },
    cloudformation: {
      type: "AWS::CloudWatch::Alarm",
      logicalId: names.logicalId,
      properties: {
        ...metricAlarmProperties(step),
        AlarmActions: actions,
        Tags: step.tags ? cloudFormationTags(step.tags) : undefined,
      },
    },
    refs: {
      terraform: {
        id: `aws_cloudwatch_metric_alarm.${names.terraform}.id`,
        name: `aws_cloudwatch_metric_alarm.${names.terraform}.alarm_name`,
      },
      cloudformation: { id: { Ref: names.logicalId }, name: { Ref: names.logicalId } },
    },
    ...(existing
      ? { imported: { terraformId: i.alarmName, cloudformationIdentifier: { AlarmName: i.alarmName } } }
      : {}),
  };
}
