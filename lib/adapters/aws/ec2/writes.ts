/**
 * EC2 writes for the security-group side of a fix. Every call here also has a DryRun twin in
 * ec2-permission.ts, built from the same inputs so the check asks about exactly what will be sent.
 */

import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  RevokeSecurityGroupIngressCommand,
  type IpPermission,
} from "@aws-sdk/client-ec2";
import { writeAws } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { AwsError } from "@/lib/adapters/aws/errors";
import { checkSecurityGroupName } from "@/lib/core/model/names";
import { tagsToRecord } from "./reshape";
import type { RuleSource, SecurityGroup, Tag } from "@/lib/core/model/resources";

/** An inbound rule to add: one protocol/port range and exactly one source. */
export interface IngressRequest {
  protocol: "tcp";
  fromPort: number;
  toPort: number;
  source: RuleSource;
  description?: string;
}

export const toSdkTags = (tags: Tag[]) => tags.map((t) => ({ Key: t.key, Value: t.value }));

export function createSecurityGroupInput(group: {
  name: string;
  description: string;
  vpcId: string;
  tags?: Tag[];
}) {
  return {
    GroupName: group.name,
    Description: group.description,
    VpcId: group.vpcId,
    TagSpecifications: group.tags?.length
      ? [{ ResourceType: "security-group" as const, Tags: toSdkTags(group.tags) }]
      : undefined,
  };
}

/** The rule as AWS's IpPermissions takes it; ports are checked here because EC2's message is cryptic. */
export function toIpPermission(ctx: AwsContext, rule: IngressRequest): IpPermission {
  const valid = (p: number) => Number.isInteger(p) && p >= 0 && p <= 65535;
  if (!valid(rule.fromPort) || !valid(rule.toPort) || rule.fromPort > rule.toPort) {
    throw new AwsError({
      code: "invalid-input",
      operation: "AuthorizeSecurityGroupIngress",
      region: ctx.region,
      retryable: false,
      message: `Ports ${rule.fromPort}-${rule.toPort} are not a valid range (whole numbers 0..65535, from <= to).`,
    });
  }
  const d = rule.description ? { Description: rule.description } : {};
  const s = rule.source;
  return {
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort,
    ToPort: rule.toPort,
    ...(s.kind === "cidr" ? { IpRanges: [{ CidrIp: s.cidr, ...d }] } : {}),
    ...(s.kind === "cidr6" ? { Ipv6Ranges: [{ CidrIpv6: s.cidr, ...d }] } : {}),
    ...(s.kind === "security-group"
      ? { UserIdGroupPairs: [{ GroupId: s.groupId, ...(s.ownerId ? { UserId: s.ownerId } : {}), ...d }] }
      : {}),
    ...(s.kind === "prefix-list" ? { PrefixListIds: [{ PrefixListId: s.prefixListId, ...d }] } : {}),
  };
}

/** A new group in `vpcId`, tagged at creation (TagSpecifications), with no inbound rules. */
export async function createSecurityGroup(
  ctx: AwsContext,
  group: { name: string; description: string; vpcId: string; tags?: Tag[] },
): Promise<SecurityGroup> {
  const checked = checkSecurityGroupName(group.name);
  if (!checked.ok) {
    throw new AwsError({
      code: "invalid-input",
      operation: "CreateSecurityGroup",
      region: ctx.region,
      retryable: false,
      message: `Invalid security group name "${group.name}": ${checked.reason}`,
    });
  }
  const out = await writeAws(ctx, "ec2", "CreateSecurityGroup", ({ ec2 }) =>
    ec2.send(new CreateSecurityGroupCommand(createSecurityGroupInput(group))),
  );
  // Built from the answer rather than re-read: EC2 is eventually consistent and a describe right after
  // create can still say InvalidGroup.NotFound.
  return {
    id: out.GroupId ?? "",
    name: group.name,
    description: group.description,
    vpcId: group.vpcId,
    tags: out.Tags
      ? tagsToRecord(out.Tags)
      : Object.fromEntries((group.tags ?? []).map((t) => [t.key, t.value])),
    ingress: [],
  };
}

/** AuthorizeSecurityGroupIngress's input: the rule, tagged at creation when tags are given. */
export function authorizeIngressInput(ctx: AwsContext, groupId: string, rule: IngressRequest, tags?: Tag[]) {
  return {
    GroupId: groupId,
    IpPermissions: [toIpPermission(ctx, rule)],
    TagSpecifications: tags?.length
      ? [{ ResourceType: "security-group-rule" as const, Tags: toSdkTags(tags) }]
      : undefined,
  };
}

/**
 * Adds one inbound rule, tagged in the same call (TagSpecifications), so no rule QueueReady adds is ever
 * untagged, even if the process dies right after; returns the new `sgr-` ids. An identical rule gives
 * `already-exists`.
 */
export async function authorizeIngress(
  ctx: AwsContext,
  groupId: string,
  rule: IngressRequest,
  tags?: Tag[],
): Promise<{ ruleIds: string[] }> {
  const input = authorizeIngressInput(ctx, groupId, rule, tags);
  const out = await writeAws(ctx, "ec2", "AuthorizeSecurityGroupIngress", ({ ec2 }) =>
    ec2.send(new AuthorizeSecurityGroupIngressCommand(input)),
  );
  return {
    ruleIds: (out.SecurityGroupRules ?? []).flatMap((r) =>
      r.SecurityGroupRuleId ? [r.SecurityGroupRuleId] : [],
    ),
  };
}

/** Removes inbound rules by their `sgr-` ids (the undo of authorizeIngress). */
export async function revokeIngress(ctx: AwsContext, groupId: string, ruleIds: string[]): Promise<void> {
  if (ruleIds.length === 0) return;
  await writeAws(ctx, "ec2", "RevokeSecurityGroupIngress", ({ ec2 }) =>
    ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, SecurityGroupRuleIds: ruleIds })),
  );
}

/** Deletes a security group; EC2 refuses with `DependencyViolation` while a cache or a rule still uses it. */
export async function deleteSecurityGroup(ctx: AwsContext, groupId: string): Promise<void> {
  await writeAws(ctx, "ec2", "DeleteSecurityGroup", ({ ec2 }) =>
    ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId })),
  );
}
