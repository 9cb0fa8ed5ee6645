/** The parameter group the fix creates, holding every value the plan sets in it. */
import type { PlanStep } from "../types";
import type { IacContext, NewResource } from "./model";
import { addedNames } from "./names";
import { cloudFormationTags, terraformTags } from "./values";

type Step<K extends PlanStep["kind"]> = Extract<PlanStep, { kind: K }>;

/**
 * The values a group ends with: its modify step's `changes` list each parameter the plan wants (noeviction,
 * cluster-enabled, every value carried over) with its `after`, even those a resumed run has set already and
 * so are not sent again; a declaration must hold them all.
 */
export function parameterValues(step: Step<"modify-parameter-group">): { name: string; value: string }[] {
  const values = new Map<string, string>();
  for (const c of step.changes) if (c.after !== null) values.set(c.attribute, c.after);
  for (const v of step.input.values) values.set(v.name, v.value);
  return [...values].map(([name, value]) => ({ name, value }));
}

export function parameterGroupPart(step: Step<"create-parameter-group">, ctx: IacContext): NewResource {
  const { name, family, description } = step.input;
  const modify = ctx.plan.steps.find(
    (s): s is Step<"modify-parameter-group"> => s.kind === "modify-parameter-group" && s.input.name === name,
  );
  const values = modify ? parameterValues(modify) : [];
  const names = addedNames(ctx.plan, "parameter group");
  const adopted = step.action === "no-op";
  return {
    part: "new",
    step: step.kind,
    why: [
      adopted ? `${name} was created by QueueReady already: declared here and imported.` : `${step.title}.`,
      ...(modify ? [modify.title] : []),
    ],
    terraform: {
      type: "aws_elasticache_parameter_group",
      name: names.terraform,
      attrs: { name, family, description, tags: terraformTags(step.tags) },
      blocks: values.map((v) => ({ type: "parameter", attrs: { name: v.name, value: v.value } })),
    },
    cloudformation: {
      type: "AWS::ElastiCache::ParameterGroup",
      logicalId: names.logicalId,
      // No name property: CloudFormation names the group itself (Ref gives the name).
      properties: {
        CacheParameterGroupFamily: family,
        Description: description,
        Properties: Object.fromEntries(values.map((v) => [v.name, v.value])),
        Tags: cloudFormationTags(step.tags),
      },
    },
    refs: {
      terraform: {
        id: `aws_elasticache_parameter_group.${names.terraform}.id`,
        name: `aws_elasticache_parameter_group.${names.terraform}.name`,
      },
      cloudformation: { id: { Ref: names.logicalId }, name: { Ref: names.logicalId } },
    },
    ...(adopted
      ? { imported: { terraformId: name, cloudformationIdentifier: { CacheParameterGroupName: name } } }
      : {}),
  };
}
