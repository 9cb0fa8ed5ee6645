/**
 * A typed step as AWS names its parameters: what the preview shows, the JSON export carries and the CLI
 * script sends. The switch is exhaustive: a new step kind does not compile until it is named here.
 */
import type { RuleSource } from "@/lib/core/model/resources";
import type { JsonValue, PlanStep, PutMetricAlarmStep, StepRef } from "./types";

export type AwsParams = { [key: string]: JsonValue | StepRef | (JsonValue | StepRef)[] };

/** `IpPermissions` for one TCP port and one source, as AuthorizeSecurityGroupIngress takes them. */
export function ipPermissions(port: number, source: RuleSource, description: string): JsonValue {
  const base = { IpProtocol: "tcp", FromPort: port, ToPort: port };
  switch (source.kind) {
    case "security-group":
      return [{ ...base, UserIdGroupPairs: [{ GroupId: source.groupId, Description: description }] }];
    case "cidr6":
      return [{ ...base, Ipv6Ranges: [{ CidrIpv6: source.cidr, Description: description }] }];
    case "prefix-list":
      return [{ ...base, PrefixListIds: [{ PrefixListId: source.prefixListId, Description: description }] }];
    case "cidr":
      return [{ ...base, IpRanges: [{ CidrIp: source.cidr, Description: description }] }];
  }
}

const awsTags = (step: PlanStep): JsonValue => (step.tags ?? []).map((t) => ({ Key: t.key, Value: t.value }));

/**
 * The alarm as PutMetricAlarm takes it; CloudFormation's AWS::CloudWatch::Alarm uses the same names, so the
 * code export builds on this too (each adds its own actions and tags).
 */
export function metricAlarmProperties(step: PutMetricAlarmStep) {
  const i = step.input;
  return {
    AlarmName: i.alarmName,
    AlarmDescription: i.description,
    Namespace: i.namespace,
    MetricName: i.metricName,
    Dimensions: i.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
    Statistic: i.statistic,
    Period: i.period,
    EvaluationPeriods: i.evaluationPeriods,
    DatapointsToAlarm: i.datapointsToAlarm,
    Threshold: i.threshold,
    ComparisonOperator: i.comparisonOperator,
    TreatMissingData: i.treatMissingData,
  };
}

export function awsParams(step: PlanStep): AwsParams {
  switch (step.kind) {
    case "create-security-group":
      return {
        GroupName: step.input.groupName,
        Description: step.input.description,
        VpcId: step.input.vpcId,
        TagSpecifications: [{ ResourceType: "security-group", Tags: awsTags(step) }],
      };
    case "authorize-ingress":
      return {
        GroupId: step.input.groupId,
        IpPermissions: ipPermissions(step.input.port, step.input.source, step.input.description),
      };
    case "create-parameter-group":
      return {
        CacheParameterGroupName: step.input.name,
        CacheParameterGroupFamily: step.input.family,
        Description: step.input.description,
        Tags: awsTags(step),
      };
    case "modify-parameter-group":
      return {
        CacheParameterGroupName: step.input.name,
        ParameterNameValues: step.input.values.map((v) => ({
          ParameterName: v.name,
          ParameterValue: v.value,
        })),
      };
    case "modify-replication-group":
    case "modify-cache-cluster": {
      const i = step.input;
      return {
        ...(step.kind === "modify-replication-group"
          ? { ReplicationGroupId: i.id }
          : { CacheClusterId: i.id }),
        ...(i.cacheParameterGroupName !== undefined
          ? { CacheParameterGroupName: i.cacheParameterGroupName }
          : {}),
        ...(i.securityGroupIds !== undefined ? { SecurityGroupIds: i.securityGroupIds } : {}),
        ...(i.applyImmediately ? { ApplyImmediately: true } : {}),
      };
    }
    case "create-memorydb-parameter-group":
      return {
        ParameterGroupName: step.input.name,
        Family: step.input.family,
        Description: step.input.description,
        Tags: awsTags(step),
      };
    case "update-memorydb-parameter-group":
      return {
        ParameterGroupName: step.input.name,
        ParameterNameValues: step.input.values.map((v) => ({
          ParameterName: v.name,
          ParameterValue: v.value,
        })),
      };
    case "update-memorydb-cluster": {
      const i = step.input;
      return {
        ClusterName: i.name,
        ...(i.parameterGroupName !== undefined ? { ParameterGroupName: i.parameterGroupName } : {}),
        ...(i.securityGroupIds !== undefined ? { SecurityGroupIds: i.securityGroupIds } : {}),
      };
    }
    case "put-metric-alarm": {
      const i = step.input;
      return {
        ...metricAlarmProperties(step),
        AlarmActions: i.alarmActions,
        ...(step.tags?.length ? { Tags: awsTags(step) } : {}),
      };
    }
  }
}
