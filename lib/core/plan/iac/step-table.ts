/**
 * Each step kind's part of the fix as code, for both formats at once. The table is keyed by every step kind
 * (a new kind does not compile until it has an entry here), and it is the only place a kind is described:
 * the Terraform and CloudFormation renderers walk the parts it returns.
 */
import type { PlanStep, StepKind } from "../types";
import { isStepRef } from "../types";
import type { ChangeExisting, IacContext, IacPart, IacValue } from "./model";
import { iacRefOf } from "./values";
import { ingressRulePart, securityGroupPart } from "./security-group-parts";
import {
  ELASTICACHE_GROUP,
  MEMORYDB_GROUP,
  parameterGroupPart,
  parameterValuesPart,
} from "./parameter-group-parts";
import { memoryDbClusterPart } from "./memorydb-parts";
import { memoryAlarmPart } from "./alarm-parts";

type StepOf<K extends StepKind> = Extract<PlanStep, { kind: K }>;
type StepIac = { [K in StepKind]: (step: StepOf<K>, ctx: IacContext) => IacPart[] };

/** A group's values change every cluster using it: the code says which, as the preview does. */
function valuesNote(step: { title: string; touches: string[] }): string[] {
  return [
    step.title,
    ...(step.touches.length > 0 ? [`Also changes ${step.touches.join(", ")}, which use it.`] : []),
  ];
}

function clusterChange(step: StepOf<"modify-replication-group" | "modify-cache-cluster">, ctx: IacContext) {
  const created = ctx.plan.steps.find((s) => s.kind === "create-parameter-group");
  const groupName =
    step.input.cacheParameterGroupName ??
    ("name" in ctx.plan.choices.parameterGroup ? ctx.plan.choices.parameterGroup.name : undefined);
  const group: IacValue | undefined =
    groupName === undefined
      ? undefined
      : created?.kind === "create-parameter-group" && created.input.name === groupName
        ? { iacRef: "create-parameter-group", attr: "name" }
        : { iacExisting: "parameter-group", id: groupName, attr: "name" };
  const groups = step.input.securityGroupIds?.map((g): IacValue =>
    isStepRef(g) ? iacRefOf(g) : { iacExisting: "security-group", id: g, attr: "id" },
  );
  const isRg = step.kind === "modify-replication-group";
  const change: ChangeExisting = {
    part: "change",
    resource: { kind: isRg ? "replication-group" : "cache-cluster", id: step.input.id },
    why: [
      step.action === "no-op"
        ? `${step.input.id} uses these already (QueueReady set them): declare them, or the next deploy puts the old ones back.`
        : `${step.title}; apply_immediately so it is not left for the maintenance window.`,
      ...(groups ? ["security_group_ids replaces the whole list: the groups attached now are kept."] : []),
    ],
    terraform: {
      type: isRg ? "aws_elasticache_replication_group" : "aws_elasticache_cluster",
      attrs: { parameter_group_name: group, security_group_ids: groups, apply_immediately: true },
    },
    cloudformation: {
      type: isRg ? "AWS::ElastiCache::ReplicationGroup" : "AWS::ElastiCache::CacheCluster",
      properties: {
        CacheParameterGroupName: group,
        [isRg ? "SecurityGroupIds" : "VpcSecurityGroupIds"]: groups,
      },
    },
  };
  return [change];
}

export const STEP_IAC: StepIac = {
  "create-security-group": (step, ctx) => [securityGroupPart(step, ctx)],
  "authorize-ingress": (step, ctx) => ingressRulePart(step, ctx),
  "create-parameter-group": (step, ctx) => [parameterGroupPart(ELASTICACHE_GROUP, step, ctx)],
  "modify-parameter-group": (step, ctx) =>
    parameterValuesPart(ELASTICACHE_GROUP, step, ctx, valuesNote(step)),
  "modify-replication-group": clusterChange,
  "modify-cache-cluster": clusterChange,
  "create-memorydb-parameter-group": (step, ctx) => [parameterGroupPart(MEMORYDB_GROUP, step, ctx)],
  "update-memorydb-parameter-group": (step, ctx) =>
    parameterValuesPart(MEMORYDB_GROUP, step, ctx, valuesNote(step)),
  "update-memorydb-cluster": memoryDbClusterPart,
  "put-metric-alarm": (step, ctx) => [memoryAlarmPart(step, ctx)],
};

/** Every part of a plan's fix, in step order. */
export function iacParts(ctx: IacContext): IacPart[] {
  return ctx.plan.steps.flatMap((step) =>
    (STEP_IAC[step.kind] as (s: PlanStep, c: IacContext) => IacPart[])(step, ctx),
  );
}
