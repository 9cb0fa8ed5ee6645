/**
 * A parameter group as code, ElastiCache's or MemoryDB's: the group the fix creates, holding every value
 * the plan sets in it, or the values set on a group the plan does not create, as a change to the owner's
 * declaration of it. The two services differ only in the names a GroupFlavour holds.
 */
import type { OwnedKind } from "@/lib/core/model/ownership";
import type { PlanStep } from "../types";
import type { IacContext, IacPart, IacValue, NewResource } from "./model";
import { addedNames } from "./names";
import { cloudFormationTags, terraformTags } from "./values";

type Step<K extends PlanStep["kind"]> = Extract<PlanStep, { kind: K }>;
type CreateStep = Step<"create-parameter-group" | "create-memorydb-parameter-group">;
type ValuesStep = Step<"modify-parameter-group" | "update-memorydb-parameter-group">;

/** The plan's step of `kind` for the group `name`, if it has one. */
const stepFor = <S extends CreateStep | ValuesStep>(ctx: IacContext, kind: S["kind"], name: string) =>
  ctx.plan.steps.find((s): s is S => s.kind === kind && "name" in s.input && s.input.name === name);

/** What differs between an ElastiCache and a MemoryDB parameter group as code. */
export interface GroupFlavour {
  createKind: CreateStep["kind"];
  valuesKind: ValuesStep["kind"];
  owned: OwnedKind;
  terraformType: string;
  cloudformationType: string;
  /** The group's own CloudFormation properties, the ones before its values. */
  cloudformationGroup: (input: CreateStep["input"]) => Record<string, IacValue>;
  /** The CloudFormation property that holds the values. */
  cloudformationValues: string;
  /** The identifier a CloudFormation import names the group by. */
  importKey: string;
}

export const ELASTICACHE_GROUP: GroupFlavour = {
  createKind: "create-parameter-group",
  valuesKind: "modify-parameter-group",
  owned: "parameter-group",
  terraformType: "aws_elasticache_parameter_group",
  cloudformationType: "AWS::ElastiCache::ParameterGroup",
  // No name property: CloudFormation names the group itself (Ref gives the name).
  cloudformationGroup: ({ family, description }) => ({
    CacheParameterGroupFamily: family,
    Description: description,
  }),
  cloudformationValues: "Properties",
  importKey: "CacheParameterGroupName",
};

export const MEMORYDB_GROUP: GroupFlavour = {
  createKind: "create-memorydb-parameter-group",
  valuesKind: "update-memorydb-parameter-group",
  owned: "memorydb-parameter-group",
  terraformType: "aws_memorydb_parameter_group",
  cloudformationType: "AWS::MemoryDB::ParameterGroup",
  // MemoryDB requires the name (unlike ElastiCache's group, CloudFormation does not make one up).
  cloudformationGroup: ({ name, family, description }) => ({
    ParameterGroupName: name,
    Family: family,
    Description: description,
  }),
  cloudformationValues: "Parameters",
  importKey: "ParameterGroupName",
};

/**
 * The values a group ends with: its values step's `changes` list each parameter the plan wants (noeviction,
 * cluster-enabled, every value carried over) with its `after`, even those a resumed run has set already and
 * so are not sent again; a declaration must hold them all.
 */
function parameterValues(step: ValuesStep): { name: string; value: string }[] {
  const values = new Map<string, string>();
  for (const c of step.changes) if (c.after !== null) values.set(c.attribute, c.after);
  for (const v of step.input.values) values.set(v.name, v.value);
  return [...values].map(([name, value]) => ({ name, value }));
}

const terraformValues = (values: { name: string; value: string }[]) =>
  values.map((v) => ({ type: "parameter", attrs: { name: v.name, value: v.value } }));

const cloudformationValues = (values: { name: string; value: string }[]) =>
  Object.fromEntries(values.map((v) => [v.name, v.value]));

export function parameterGroupPart(flavour: GroupFlavour, step: CreateStep, ctx: IacContext): NewResource {
  const { name } = step.input;
  const update = stepFor<ValuesStep>(ctx, flavour.valuesKind, name);
  const values = update ? parameterValues(update) : [];
  const names = addedNames(ctx.plan, "parameter group");
  const adopted = step.action === "no-op";
  const terraformAddress = `${flavour.terraformType}.${names.terraform}`;
  return {
    part: "new",
    step: step.kind,
    why: [
      adopted ? `${name} was created by QueueReady already: declared here and imported.` : `${step.title}.`,
      ...(update ? [update.title] : []),
    ],
    terraform: {
      type: flavour.terraformType,
      name: names.terraform,
      attrs: {
        name,
        family: step.input.family,
        description: step.input.description,
        tags: terraformTags(step.tags),
      },
      blocks: terraformValues(values),
    },
    cloudformation: {
      type: flavour.cloudformationType,
      logicalId: names.logicalId,
      properties: {
        ...flavour.cloudformationGroup(step.input),
        [flavour.cloudformationValues]: cloudformationValues(values),
        Tags: cloudFormationTags(step.tags),
      },
    },
    refs: {
      terraform: { id: `${terraformAddress}.id`, name: `${terraformAddress}.name` },
      cloudformation: { id: { Ref: names.logicalId }, name: { Ref: names.logicalId } },
    },
    ...(adopted
      ? { imported: { terraformId: name, cloudformationIdentifier: { [flavour.importKey]: name } } }
      : {}),
  };
}

/**
 * Values set on a group the plan does not create: a change to the owner's declaration of it. A group the
 * plan creates holds its values in its own declaration (parameterGroupPart).
 */
export function parameterValuesPart(
  flavour: GroupFlavour,
  step: ValuesStep,
  ctx: IacContext,
  why: string[],
): IacPart[] {
  if (stepFor(ctx, flavour.createKind, step.input.name) || step.action === "no-op") return [];
  const values = parameterValues(step);
  return [
    {
      part: "change",
      resource: { kind: flavour.owned, id: step.input.name },
      why,
      terraform: { type: flavour.terraformType, attrs: {}, blocks: terraformValues(values) },
      cloudformation: {
        type: flavour.cloudformationType,
        properties: { [flavour.cloudformationValues]: cloudformationValues(values) },
      },
    },
  ];
}
