/**
 * The MemoryDB steps as code: `aws_memorydb_parameter_group` / `AWS::MemoryDB::ParameterGroup` for the group
 * the fix creates (holding every value the plan sets), and the cluster's `parameter_group_name` /
 * `ParameterGroupName` (and security groups) as a change to the owner's `aws_memorydb_cluster`.
 */
import type { PlanStep } from "../types";
import { isStepRef } from "../types";
import type { ChangeExisting, IacContext, IacPart, IacValue, NewResource } from "./model";
import { addedNames } from "./names";
import { cloudFormationTags, iacRefOf, terraformTags } from "./values";

type Step<K extends PlanStep["kind"]> = Extract<PlanStep, { kind: K }>;

/** Every value the group ends with: the `changes` list them all, even those a resumed run has set already. */
function memoryDbValues(step: Step<"update-memorydb-parameter-group">): { name: string; value: string }[] {
  const values = new Map<string, string>();
  for (const c of step.changes) if (c.after !== null) values.set(c.attribute, c.after);
  for (const v of step.input.values) values.set(v.name, v.value);
  return [...values].map(([name, value]) => ({ name, value }));
}

const valuesStep = (ctx: IacContext, name: string) =>
  ctx.plan.steps.find(
    (s): s is Step<"update-memorydb-parameter-group"> =>
      s.kind === "update-memorydb-parameter-group" && s.input.name === name,
  );

export function memoryDbGroupPart(
  step: Step<"create-memorydb-parameter-group">,
  ctx: IacContext,
): NewResource {
  const { name, family, description } = step.input;
  const update = valuesStep(ctx, name);
  const values = update ? memoryDbValues(update) : [];
  const names = addedNames(ctx.plan, "parameter group");
  const adopted = step.action === "no-op";
  return {
    part: "new",
    step: step.kind,
    why: [
      adopted ? `${name} was created by QueueReady already: declared here and imported.` : `${step.title}.`,
      ...(update ? [update.title] : []),
    ],
    terraform: {
      type: "aws_memorydb_parameter_group",
      name: names.terraform,
      attrs: { name, family, description, tags: terraformTags(step.tags) },
      blocks: values.map((v) => ({ type: "parameter", attrs: { name: v.name, value: v.value } })),
    },
    cloudformation: {
      type: "AWS::MemoryDB::ParameterGroup",
      logicalId: names.logicalId,
      // MemoryDB requires the name (unlike ElastiCache's group, CloudFormation does not make one up).
      properties: {
        ParameterGroupName: name,
        Family: family,
        Description: description,
        Parameters: Object.fromEntries(values.map((v) => [v.name, v.value])),
        Tags: cloudFormationTags(step.tags),
      },
    },
    refs: {
      terraform: {
        id: `aws_memorydb_parameter_group.${names.terraform}.id`,
        name: `aws_memorydb_parameter_group.${names.terraform}.name`,
      },
      cloudformation: { id: { Ref: names.logicalId }, name: { Ref: names.logicalId } },
    },
    ...(adopted
      ? { imported: { terraformId: name, cloudformationIdentifier: { ParameterGroupName: name } } }
      : {}),
  };
}

/** Values set on a group the plan does not create: a change to the owner's declaration of it. */
export function memoryDbValuesPart(
  step: Step<"update-memorydb-parameter-group">,
  ctx: IacContext,
): IacPart[] {
  const created = ctx.plan.steps.some(
    (s) => s.kind === "create-memorydb-parameter-group" && s.input.name === step.input.name,
  );
  if (created || step.action === "no-op") return [];
  const values = memoryDbValues(step);
  return [
    {
      part: "change",
      resource: { kind: "memorydb-parameter-group", id: step.input.name },
      why: [step.title],
      terraform: {
        type: "aws_memorydb_parameter_group",
        attrs: {},
        blocks: values.map((v) => ({ type: "parameter", attrs: { name: v.name, value: v.value } })),
      },
      cloudformation: {
        type: "AWS::MemoryDB::ParameterGroup",
        properties: { Parameters: Object.fromEntries(values.map((v) => [v.name, v.value])) },
      },
    },
  ];
}

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
