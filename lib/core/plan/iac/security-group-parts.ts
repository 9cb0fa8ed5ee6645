/** The security group the fix creates and the inbound rule it adds, as the owner would declare them. */
import type { RuleSource } from "@/lib/core/model/resources";
import type { PlanStep } from "../types";
import { isStepRef } from "../types";
import type { IacContext, IacPart, IacValue, NewResource } from "./model";
import { addedNames } from "./names";
import { cloudFormationTags, iacRefOf, terraformTags } from "./values";

type Step<K extends PlanStep["kind"]> = Extract<PlanStep, { kind: K }>;

export function securityGroupPart(step: Step<"create-security-group">, ctx: IacContext): NewResource {
  const { groupName, description, vpcId, existingId } = step.input;
  const names = addedNames(ctx.plan, "security group");
  return {
    part: "new",
    step: step.kind,
    why: [
      existingId
        ? `${groupName} (${existingId}) was created by QueueReady already: declared here and imported.`
        : `${step.title}.`,
    ],
    terraform: {
      type: "aws_security_group",
      name: names.terraform,
      attrs: { name: groupName, description, vpc_id: vpcId, tags: terraformTags(step.tags) },
    },
    cloudformation: {
      type: "AWS::EC2::SecurityGroup",
      logicalId: names.logicalId,
      properties: {
        GroupName: groupName,
        GroupDescription: description,
        VpcId: vpcId,
        Tags: cloudFormationTags(step.tags),
      },
    },
    refs: {
      terraform: {
        id: `aws_security_group.${names.terraform}.id`,
        name: `aws_security_group.${names.terraform}.name`,
      },
      cloudformation: { id: { "Fn::GetAtt": [names.logicalId, "GroupId"] }, name: { Ref: names.logicalId } },
    },
    ...(existingId
      ? { imported: { terraformId: existingId, cloudformationIdentifier: { Id: existingId } } }
      : {}),
  };
}

/** The source as aws_vpc_security_group_ingress_rule takes it (another account's group is `account/sg-…`). */
function terraformSource(source: RuleSource): Record<string, IacValue> {
  switch (source.kind) {
    case "cidr":
      return { cidr_ipv4: source.cidr };
    case "cidr6":
      return { cidr_ipv6: source.cidr };
    case "prefix-list":
      return { prefix_list_id: source.prefixListId };
    case "security-group":
      return {
        referenced_security_group_id: source.ownerId ? `${source.ownerId}/${source.groupId}` : source.groupId,
      };
  }
}

function cloudFormationSource(source: RuleSource): Record<string, IacValue> {
  switch (source.kind) {
    case "cidr":
      return { CidrIp: source.cidr };
    case "cidr6":
      return { CidrIpv6: source.cidr };
    case "prefix-list":
      return { SourcePrefixListId: source.prefixListId };
    case "security-group":
      return {
        SourceSecurityGroupId: source.groupId,
        ...(source.ownerId ? { SourceSecurityGroupOwnerId: source.ownerId } : {}),
      };
  }
}

export function ingressRulePart(step: Step<"authorize-ingress">, ctx: IacContext): IacPart[] {
  const { groupId, port, source, description, existingRuleId } = step.input;
  const intoNew = isStepRef(groupId);
  // A rule that already allows the port in a group QueueReady did not create is the owner's: nothing to add.
  if (step.action === "no-op" && !intoNew) return [{ part: "note", lines: [step.noopReason ?? step.title] }];
  const group: IacValue = intoNew
    ? iacRefOf(groupId)
    : { iacExisting: "security-group", id: groupId, attr: "id" };
  const names = addedNames(ctx.plan, "ingress");
  const owner = intoNew ? null : ctx.ownerOf("security-group", groupId);
  return [
    {
      part: "new",
      step: step.kind,
      why: [
        existingRuleId ? `${step.noopReason ?? step.title} Declared here and imported.` : `${step.title}.`,
        ...(owner?.tool === "terraform"
          ? [
              `${groupId} is Terraform's (${owner.address ?? "address unknown"}): if it declares rules inline (ingress blocks) or with aws_security_group_rule, add this rule that way instead; the provider overwrites mixed rules.`,
            ]
          : []),
      ],
      terraform: {
        type: "aws_vpc_security_group_ingress_rule",
        name: names.terraform,
        attrs: {
          security_group_id: group,
          ip_protocol: "tcp",
          from_port: port,
          to_port: port,
          ...terraformSource(source),
          description,
          tags: terraformTags(step.tags),
        },
      },
      cloudformation: {
        type: "AWS::EC2::SecurityGroupIngress",
        logicalId: names.logicalId,
        properties: {
          GroupId: group,
          IpProtocol: "tcp",
          FromPort: port,
          ToPort: port,
          ...cloudFormationSource(source),
          Description: description,
        },
      },
      refs: {
        terraform: {
          id: `aws_vpc_security_group_ingress_rule.${names.terraform}.id`,
          name: `aws_vpc_security_group_ingress_rule.${names.terraform}.id`,
        },
        cloudformation: { id: { Ref: names.logicalId }, name: { Ref: names.logicalId } },
      },
      ...(existingRuleId
        ? { imported: { terraformId: existingRuleId, cloudformationIdentifier: { Id: existingRuleId } } }
        : {}),
    },
  ];
}
