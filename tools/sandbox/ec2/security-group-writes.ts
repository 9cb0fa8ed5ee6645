/**
 * CreateSecurityGroup, DeleteSecurityGroup, AuthorizeSecurityGroupIngress, RevokeSecurityGroupIngress and
 * CreateTags.
 */
import { invalidValue, SandboxError } from "@/tools/sandbox/errors";
import { securityGroupName } from "@/tools/sandbox/names";
import { write, type OperationTable } from "@/tools/sandbox/model/operation";
import { nextId, type RegionState, type SecurityGroupState, type Tag } from "@/tools/sandbox/model/state";
import { required, str, stringList, structList, type FormNode } from "@/tools/sandbox/protocol/query-form";
import { leaf, list } from "@/tools/sandbox/protocol/xml";
import { describeRule, parsePermissions, sameRule } from "./permissions";
import { revokedRuleXml, ruleXml, tagSet } from "./serialize";

const MAX_INGRESS_RULES = 60;

function ec2Tags(node: FormNode): Tag[] {
  return structList(node, "Tag").map((t) => ({ key: required(t, "Key"), value: str(t, "Value") ?? "" }));
}

function findGroup(region: RegionState, params: FormNode): SecurityGroupState {
  const id = str(params, "GroupId");
  const name = str(params, "GroupName");
  const group = id
    ? region.securityGroups.find((g) => g.id === id)
    : region.securityGroups.find((g) => g.name === name);
  if (!group)
    throw new SandboxError(
      "InvalidGroup.NotFound",
      `The security group '${id ?? name ?? ""}' does not exist`,
      400,
    );
  return group;
}

/**
 * The tags of AuthorizeSecurityGroupIngress's TagSpecifications, put on every rule it adds in the same
 * call (so no rule exists untagged, even for a moment). EC2 takes only `security-group-rule` here.
 */
function ruleTagSpecifications(params: FormNode): Tag[] {
  return structList(params, "TagSpecification").flatMap((spec) => {
    const type = str(spec, "ResourceType");
    if (type !== "security-group-rule")
      throw invalidValue(`'${type ?? ""}' is not a valid taggable resource type for this operation.`);
    return ec2Tags(spec);
  });
}

export const securityGroupWriteOps: OperationTable = {
  CreateSecurityGroup: write(({ region, params }) => {
    const check = securityGroupName(required(params, "GroupName"));
    if ("error" in check) throw check.error;
    const description = required(params, "GroupDescription");
    if (description.length > 255) throw invalidValue("The group description must be at most 255 characters.");
    const vpcId = str(params, "VpcId") ?? region.vpcs.find((v) => v.isDefault)?.id;
    if (!vpcId) throw new SandboxError("VPCIdNotSpecified", "No default VPC for this user", 400);
    if (!region.vpcs.some((v) => v.id === vpcId))
      throw new SandboxError("InvalidVpcID.NotFound", `The vpc ID '${vpcId}' does not exist`, 400);
    if (region.securityGroups.some((g) => g.vpcId === vpcId && g.name === check.name)) {
      throw new SandboxError(
        "InvalidGroup.Duplicate",
        `The security group '${check.name}' already exists for VPC '${vpcId}'`,
        400,
      );
    }
    const tags = structList(params, "TagSpecification")
      .filter((s) => str(s, "ResourceType") === "security-group")
      .flatMap(ec2Tags);
    const id = nextId(region, "sg");
    region.securityGroups.push({ id, name: check.name, description, vpcId, tags });
    region.rules.push({
      id: nextId(region, "sgr"),
      groupId: id,
      isEgress: true,
      ipProtocol: "-1",
      fromPort: -1,
      toPort: -1,
      cidrIpv4: "0.0.0.0/0",
    });
    return (
      leaf("return", true) +
      leaf("groupId", id) +
      tagSet(tags) +
      leaf("securityGroupArn", `arn:aws:ec2:${region.region}:${region.accountId}:security-group/${id}`)
    );
  }),

  /** Refused as EC2 does while anything still uses the group: a cache, or another group's rule. */
  DeleteSecurityGroup: write(({ region, params }) => {
    const group = findGroup(region, params);
    if (group.name === "default")
      throw new SandboxError(
        "CannotDelete",
        `the specified group: "${group.id}" name: "default" cannot be deleted by a user`,
        400,
      );
    const attached =
      region.cacheClusters.some((c) => c.securityGroups.some((m) => m.id === group.id)) ||
      region.serverlessCaches.some((s) => s.securityGroupIds.includes(group.id));
    const referenced = region.rules.some((r) => r.groupId !== group.id && r.referencedGroupId === group.id);
    if (attached || referenced) {
      throw new SandboxError("DependencyViolation", `resource ${group.id} has a dependent object`, 400);
    }
    region.securityGroups = region.securityGroups.filter((g) => g !== group);
    region.rules = region.rules.filter((r) => r.groupId !== group.id);
    return leaf("return", true) + leaf("groupId", group.id);
  }),

  AuthorizeSecurityGroupIngress: write(({ region, params }) => {
    const group = findGroup(region, params);
    const tags = ruleTagSpecifications(params);
    const candidates = parsePermissions(region, params, group.vpcId);
    const existing = region.rules.filter((r) => r.groupId === group.id && !r.isEgress);
    candidates.forEach((c, i) => {
      if (existing.some((r) => sameRule(r, c)) || candidates.slice(0, i).some((o) => sameRule(o, c))) {
        throw new SandboxError(
          "InvalidPermission.Duplicate",
          `the specified rule "${describeRule(c)}" already exists`,
          400,
        );
      }
    });
    if (existing.length + candidates.length > MAX_INGRESS_RULES) {
      throw new SandboxError(
        "RulesPerSecurityGroupLimitExceeded",
        "The maximum number of rules per security group has been reached.",
        400,
      );
    }
    const added = candidates.map((c) => ({
      ...c,
      id: nextId(region, "sgr"),
      groupId: group.id,
      isEgress: false,
      ...(tags.length ? { tags: tags.map((t) => ({ ...t })) } : {}),
    }));
    region.rules.push(...added);
    return leaf("return", true) + list("securityGroupRuleSet", "item", added, (r) => ruleXml(region, r));
  }),

  RevokeSecurityGroupIngress: write(({ region, params }) => {
    const group = findGroup(region, params);
    const ruleIds = stringList(params, "SecurityGroupRuleId");
    const ingress = region.rules.filter((r) => r.groupId === group.id && !r.isEgress);
    const revoked = ruleIds.length
      ? ruleIds.map((id) => {
          const rule = ingress.find((r) => r.id === id);
          if (!rule)
            throw new SandboxError(
              "InvalidSecurityGroupRuleId.NotFound",
              `The security group rule ID '${id}' does not exist`,
              400,
            );
          return rule;
        })
      : parsePermissions(region, params, group.vpcId).map((c) => {
          const rule = ingress.find((r) => sameRule(r, c));
          if (!rule)
            throw new SandboxError(
              "InvalidPermission.NotFound",
              `The specified rule does not exist in this security group.`,
              400,
            );
          return rule;
        });
    region.rules = region.rules.filter((r) => !revoked.includes(r));
    return leaf("return", true) + list("revokedSecurityGroupRuleSet", "item", revoked, revokedRuleXml);
  }),

  CreateTags: write(({ region, params }) => {
    const ids = stringList(params, "ResourceId");
    if (ids.length === 0)
      throw new SandboxError("MissingParameter", "The request must contain the parameter resourceIdSet", 400);
    const tags = ec2Tags(params);
    const targets = ids.map((id) => {
      const rule = region.rules.find((r) => r.id === id);
      if (rule) return { tags: (rule.tags ??= []) };
      const found =
        region.securityGroups.find((g) => g.id === id) ??
        region.vpcs.find((v) => v.id === id) ??
        region.subnets.find((s) => s.id === id);
      if (!found) throw new SandboxError(notFoundCode(id), `The ID '${id}' does not exist`, 400);
      return found;
    });
    for (const t of targets) {
      for (const tag of tags) {
        const current = t.tags.find((x) => x.key === tag.key);
        if (current) current.value = tag.value;
        else t.tags.push({ ...tag });
      }
    }
    return leaf("return", true);
  }),
};

/** The error code EC2 uses for an unknown id of each taggable kind. */
function notFoundCode(id: string): string {
  if (id.startsWith("sg-")) return "InvalidGroup.NotFound";
  if (id.startsWith("sgr-")) return "InvalidSecurityGroupRuleId.NotFound";
  return "InvalidID";
}
