/**
 * PutMetricAlarm's input checked as CloudWatch checks it: the model's constraints (lengths, enums, list
 * sizes) and the service's own rules for a single-metric alarm (a statistic xor an extended statistic,
 * periods of 10, 20, 30 or a multiple of 60 s, at most one day of evaluation, actions as ARNs). Metric math
 * alarms (`Metrics`) are not served by the sandbox and are refused in those words.
 */
import { SandboxError } from "@/tools/sandbox/errors";
import type { AlarmState } from "@/tools/sandbox/model/state";
import {
  constraint,
  optBool,
  optEnum,
  optNumber,
  optString,
  reqString,
  stringList,
  structs,
  validationError,
  type CwInput,
} from "./input";

export const STATISTICS = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"] as const;
export const COMPARISON_OPERATORS = [
  "GreaterThanOrEqualToThreshold",
  "GreaterThanThreshold",
  "LessThanThreshold",
  "LessThanOrEqualToThreshold",
  "LessThanLowerOrGreaterThanUpperThreshold",
  "LessThanLowerThreshold",
  "GreaterThanUpperThreshold",
] as const;
const TREAT_MISSING = ["breaching", "notBreaching", "ignore", "missing"];
const ONE_DAY_S = 86_400;

export type AlarmDefinition = Omit<
  AlarmState,
  "arn" | "stateValue" | "stateReason" | "configuredAt" | "stateUpdatedAt"
>;

export function dimensionsOf(input: CwInput, key = "Dimensions"): AlarmState["dimensions"] {
  return structs(input, key, 30).map((d) => ({
    name: reqString(d, "Name", 1, 255),
    value: reqString(d, "Value", 1, 1024),
  }));
}

function actions(input: CwInput, key: string): string[] {
  const list = stringList(input, key, 5, 1024);
  for (const arn of list)
    if (!/^arn:aws[a-z-]*:[a-z0-9-]+:/.test(arn)) throw validationError(`Invalid arn syntax: ${arn}`);
  return list;
}

export function alarmDefinition(input: CwInput): AlarmDefinition {
  const name = reqString(input, "AlarmName", 1, 255);
  if (input.Metrics !== undefined && input.Metrics !== null)
    throw new SandboxError(
      "InvalidParameterCombination",
      "Metric math alarms (Metrics) are not supported by the QueueReady sandbox.",
      400,
    );
  const statistic = optEnum(input, "Statistic", STATISTICS);
  const extendedStatistic = optString(input, "ExtendedStatistic");
  if (statistic && extendedStatistic)
    throw new SandboxError(
      "InvalidParameterCombination",
      "Exactly one of Statistic and ExtendedStatistic must be specified.",
      400,
    );
  const metricName = optString(input, "MetricName", 1, 255);
  const namespace = optString(input, "Namespace", 1, 255);
  if (!metricName || !namespace)
    throw validationError("Namespace and MetricName must be specified for an alarm on a single metric.");
  if (namespace.startsWith(":"))
    throw constraint("Namespace", namespace, "Member must satisfy regular expression pattern: [^:].*");
  if (!statistic && !extendedStatistic)
    throw new SandboxError(
      "MissingParameter",
      "Either Statistic or ExtendedStatistic must be specified.",
      400,
    );
  const period = optNumber(input, "Period", true, 1);
  if (period === undefined) throw new SandboxError("MissingParameter", "Period must be specified.", 400);
  if (![10, 20, 30].includes(period) && period % 60 !== 0)
    throw validationError("Period must be 10, 20, 30 or a multiple of 60.");
  const evaluationPeriods = optNumber(input, "EvaluationPeriods", true, 1);
  if (evaluationPeriods === undefined)
    throw constraint("EvaluationPeriods", undefined, "Member must not be null");
  if (period * evaluationPeriods > ONE_DAY_S)
    throw validationError(
      "The evaluation period (Period × EvaluationPeriods) must not exceed one day (86400 seconds).",
    );
  const datapointsToAlarm = optNumber(input, "DatapointsToAlarm", true, 1);
  if (datapointsToAlarm !== undefined && datapointsToAlarm > evaluationPeriods)
    throw validationError("DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
  const comparisonOperator = optEnum(input, "ComparisonOperator", COMPARISON_OPERATORS);
  if (!comparisonOperator) throw constraint("ComparisonOperator", undefined, "Member must not be null");
  const threshold = optNumber(input, "Threshold", false);
  if (threshold === undefined)
    throw validationError("Threshold must be specified for an alarm on a static threshold.");
  const treatMissingData = optString(input, "TreatMissingData", 1, 255);
  if (treatMissingData !== undefined && !TREAT_MISSING.includes(treatMissingData))
    throw validationError(`TreatMissingData must be one of ${TREAT_MISSING.join(", ")}.`);
  return {
    name,
    description: optString(input, "AlarmDescription", 0, 1024),
    actionsEnabled: optBool(input, "ActionsEnabled") ?? true,
    okActions: actions(input, "OKActions"),
    alarmActions: actions(input, "AlarmActions"),
    insufficientDataActions: actions(input, "InsufficientDataActions"),
    namespace,
    metricName,
    statistic,
    extendedStatistic,
    dimensions: dimensionsOf(input),
    period,
    unit: optString(input, "Unit"),
    evaluationPeriods,
    datapointsToAlarm,
    threshold,
    comparisonOperator,
    treatMissingData,
    tags: structs(input, "Tags").map((t) => ({
      key: reqString(t, "Key", 1, 128),
      value: reqString(t, "Value", 0, 256),
    })),
  };
}
