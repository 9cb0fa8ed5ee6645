/**
 * CloudWatch metric alarms per account and region: PutMetricAlarm (create, or overwrite the configuration
 * and keep the state, ignoring new tags as AWS does), DescribeAlarms (names xor prefix, state, action
 * prefix, alarm types, pages of at most 100 with an opaque NextToken) and DeleteAlarms (unknown names are
 * ignored: the ones that exist are deleted). Answers are plain objects in the model's member order.
 */
import { SandboxError } from "@/tools/sandbox/errors";
import type { AlarmState, RegionState } from "@/tools/sandbox/model/state";
import { alarmDefinition } from "./alarm-input";
import { optEnum, optList, optNumber, optString, stringList, validationError, type CwInput } from "./input";

/** Metric alarms per account and region (the documented quota). */
export const ALARM_LIMIT = 5000;
const DEFAULT_PAGE = 50;
const STATES = ["OK", "ALARM", "INSUFFICIENT_DATA"] as const;
const ALARM_TYPES = ["CompositeAlarm", "MetricAlarm", "LogAlarm"] as const;

export const alarmsOf = (region: RegionState): AlarmState[] => (region.alarms ??= []);

export function alarmArn(region: RegionState, name: string): string {
  return `arn:aws:cloudwatch:${region.region}:${region.accountId}:alarm:${name}`;
}

export function putMetricAlarm(region: RegionState, input: CwInput, now: number): undefined {
  const def = alarmDefinition(input);
  const alarms = alarmsOf(region);
  const existing = alarms.find((a) => a.name === def.name);
  if (existing) {
    // An update overwrites the configuration, keeps the state, and ignores the tags it carries.
    Object.assign(existing, { ...def, tags: existing.tags, configuredAt: now });
    return undefined;
  }
  if (alarms.length >= ALARM_LIMIT)
    throw new SandboxError(
      "LimitExceeded",
      `The maximum number of alarms (${ALARM_LIMIT}) for this account in ${region.region} has been reached.`,
      400,
    );
  alarms.push({
    ...def,
    arn: alarmArn(region, def.name),
    stateValue: "INSUFFICIENT_DATA",
    stateReason: "Unchecked: Initial alarm creation",
    configuredAt: now,
    stateUpdatedAt: now,
  });
  return undefined;
}

/** The NextToken is the name the next page starts after, so a page never repeats or skips an alarm. */
const encodeToken = (after: string) => Buffer.from(`qr-alarms:${after}`).toString("base64");
function decodeToken(token: string): string {
  const text = Buffer.from(token, "base64").toString("utf8");
  if (!text.startsWith("qr-alarms:") || encodeToken(text.slice(10)) !== token)
    throw new SandboxError(
      "InvalidNextToken",
      "The service returned an error with Error Code InvalidNextToken.",
      400,
    );
  return text.slice(10);
}

export function describeAlarms(region: RegionState, input: CwInput): Record<string, unknown> {
  const names = optList(input, "AlarmNames", 100) ? stringList(input, "AlarmNames", 100, 255) : undefined;
  const prefix = optString(input, "AlarmNamePrefix", 1, 255);
  const children = optString(input, "ChildrenOfAlarmName", 1, 255);
  const parents = optString(input, "ParentsOfAlarmName", 1, 255);
  if (names?.length && prefix !== undefined)
    throw new SandboxError(
      "InvalidParameterCombination",
      "AlarmNames and AlarmNamePrefix cannot be specified together.",
      400,
    );
  const state = optEnum(input, "StateValue", STATES);
  const actionPrefix = optString(input, "ActionPrefix", 1, 1024);
  const types = optList(input, "AlarmTypes") ? stringList(input, "AlarmTypes") : ["MetricAlarm"];
  for (const t of types)
    if (!(ALARM_TYPES as readonly string[]).includes(t))
      throw validationError(
        `1 validation error detected: Value '${t}' at 'alarmTypes' failed to satisfy constraint: Member must satisfy enum value set: [${ALARM_TYPES.join(", ")}]`,
      );
  const max = optNumber(input, "MaxRecords", true, 1, 100) ?? DEFAULT_PAGE;
  const token = optString(input, "NextToken");
  const after = token ? decodeToken(token) : undefined;
  // The sandbox holds no composite alarms: asking for the children or parents of one answers nothing.
  const matching =
    children !== undefined || parents !== undefined || !types.includes("MetricAlarm")
      ? []
      : alarmsOf(region)
          .filter((a) => (names?.length ? names.includes(a.name) : true))
          .filter((a) => (prefix === undefined ? true : a.name.startsWith(prefix)))
          .filter((a) => (state === undefined ? true : a.stateValue === state))
          .filter((a) =>
            actionPrefix === undefined
              ? true
              : [...a.alarmActions, ...a.okActions, ...a.insufficientDataActions].some((x) =>
                  x.startsWith(actionPrefix),
                ),
          )
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .filter((a) => after === undefined || a.name > after);
  const page = matching.slice(0, max);
  return {
    ...(types.includes("CompositeAlarm") ? { CompositeAlarms: [] } : {}),
    MetricAlarms: page.map(metricAlarm),
    NextToken: matching.length > max ? encodeToken(page[page.length - 1]!.name) : undefined,
  };
}

export function deleteAlarms(region: RegionState, input: CwInput): undefined {
  if (!optList(input, "AlarmNames", 100))
    throw validationError(
      "1 validation error detected: Value null at 'alarmNames' failed to satisfy constraint: Member must not be null",
    );
  const names = new Set(stringList(input, "AlarmNames", 100, 255));
  region.alarms = alarmsOf(region).filter((a) => !names.has(a.name));
  return undefined;
}

/** One `MetricAlarm` in the model's member order (xmlOrder); absent members are left out. */
export function metricAlarm(a: AlarmState): Record<string, unknown> {
  return {
    AlarmName: a.name,
    AlarmArn: a.arn,
    AlarmDescription: a.description,
    AlarmConfigurationUpdatedTimestamp: new Date(a.configuredAt),
    ActionsEnabled: a.actionsEnabled,
    OKActions: a.okActions,
    AlarmActions: a.alarmActions,
    InsufficientDataActions: a.insufficientDataActions,
    StateValue: a.stateValue,
    StateReason: a.stateReason,
    StateUpdatedTimestamp: new Date(a.stateUpdatedAt),
    MetricName: a.metricName,
    Namespace: a.namespace,
    Statistic: a.statistic,
    Dimensions: a.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
    Period: a.period,
    Unit: a.unit,
    EvaluationPeriods: a.evaluationPeriods,
    Threshold: a.threshold,
    ComparisonOperator: a.comparisonOperator,
    ExtendedStatistic: a.extendedStatistic,
    TreatMissingData: a.treatMissingData,
    DatapointsToAlarm: a.datapointsToAlarm,
    StateTransitionedTimestamp: new Date(a.stateUpdatedAt),
  };
}
