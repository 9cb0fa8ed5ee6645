/**
 * The MemoryDB cluster step as code: its `parameter_group_name` / `ParameterGroupName` (and security groups)
 * as a change to the owner's `aws_memorydb_cluster`. Its parameter group is parameter-group-parts.ts's.
 */
import type { PlanStep } from "../types";
import { isStepRef } from "../types";
import type { ChangeExisting, IacContext, IacPart, IacValue } from "./model";
import { iacRefOf } from "./values";

type Step<K extends PlanStep["kind"]> = Extract<PlanStep, { kind: K }>;

export function memoryDbClusterPart(step: Step<"update-memorydb-cluster">, ctx: IacContext): IacPart[] {
  const created = ctx.plan.steps.find((s) => s.kind === "create-memorydb-parameter-group");
  const groupName = step.input.parameterGroupName;
  const group: IacValue | undefined =
    groupName === undefined
      ? undefined
      : created?.kind === "create-memorydb-parameter-group" && created.input.name === groupName
        ? { iacRef: "create-memorydb-parameter-group", attr: "name" }
        : { iacExisting: "memorydb-parameter-group", id: groupName, attr: "name" };
  const groups = step.input.securityGroupIds?.map((g): IacValue =>
    isStepRef(g) ? iacRefOf(g) : { iacExisting: "security-group", id: g, attr: "id" },
  );
  const change: ChangeExisting = {
    part: "change",
    resource: { kind: "memorydb-cluster", id: step.input.name },
    why: [
      step.action === "no-op"
        ? `${step.input.name} uses these already (QueueReady set them): declare them, or the next deploy puts the old ones back.`
        : `${step.title}; MemoryDB applies it on its own, without a reboot.`,
      ...(groups ? ["security_group_ids replaces the whole list: the groups attached now are kept."] : []),
    ],
    terraform: {
      type: "aws_memorydb_cluster",
      attrs: { parameter_group_name: group, security_group_ids: groups },
    },
    cloudformation: {
      type: "AWS::MemoryDB::Cluster",
      properties: { ParameterGroupName: group, SecurityGroupIds: groups },
    },
  };
  return [change];
}
