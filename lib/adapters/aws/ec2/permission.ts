/**
 * "May I?" for EC2 writes, asked with DryRun: AWS checks the caller's IAM permissions for the exact
 * request and answers `DryRunOperation` (allowed) or `UnauthorizedOperation` (not) without changing
 * anything. ElastiCache has no DryRun, so there is no twin for its writes.
 */

import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  RevokeSecurityGroupIngressCommand,
} from "@aws-sdk/client-ec2";
import { clientsOf, type AwsContext } from "@/lib/adapters/aws/context";
import { toAwsError } from "@/lib/adapters/aws/errors";
import { authorizeIngressInput, createSecurityGroupInput, toSdkTags, type IngressRequest } from "./writes";
import type { AwsProblem, Tag } from "@/lib/core/model/resources";

export type Ec2PermissionCheck =
  | { operation: "CreateSecurityGroup"; vpcId: string; name?: string; tags?: Tag[] }
  | { operation: "AuthorizeSecurityGroupIngress"; groupId: string; rule: IngressRequest; tags?: Tag[] }
  | { operation: "CreateTags"; resourceIds: string[]; tags?: Tag[] }
  | { operation: "RevokeSecurityGroupIngress"; groupId: string; ruleIds: string[] };

export type Ec2PermissionResult = { allowed: true } | { allowed: false; problem: AwsProblem };

// Tag conditions in IAM policies can depend on keys: callers pass their real tags when they have them.
const PROBE_TAGS: Tag[] = [{ key: "queueready:dry-run", value: "true" }];
const PROBE_GROUP_NAME = "queueready-permission-check";

/**
 * Asks EC2 whether the current credentials may make this call. Access denied is an answer
 * (`allowed: false` with the IAM action to grant); anything else (throttling, a group that does not
 * exist, no credentials) is thrown as an AwsError, because it says nothing about permissions.
 */
export async function checkEc2Permission(
  ctx: AwsContext,
  check: Ec2PermissionCheck,
): Promise<Ec2PermissionResult> {
  const site = { service: "ec2" as const, operation: check.operation, region: ctx.region };
  try {
    await send(ctx, check);
    // Only an endpoint that ignores DryRun gets here; the call was then allowed (and made).
    return { allowed: true };
  } catch (err) {
    if (isDryRunSuccess(err)) return { allowed: true };
    const error = toAwsError(err, site);
    if (error.problem.code === "access-denied") return { allowed: false, problem: error.problem };
    throw error;
  }
}

function isDryRunSuccess(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { name?: unknown; Code?: unknown };
  return e.name === "DryRunOperation" || e.Code === "DryRunOperation";
}

async function send(ctx: AwsContext, check: Ec2PermissionCheck): Promise<unknown> {
  const { ec2 } = clientsOf(ctx);
  switch (check.operation) {
    case "CreateSecurityGroup":
      return ec2.send(
        new CreateSecurityGroupCommand({
          ...createSecurityGroupInput({
            name: check.name ?? PROBE_GROUP_NAME,
            description: "QueueReady permission check",
            vpcId: check.vpcId,
            tags: check.tags,
          }),
          DryRun: true,
        }),
      );
    case "AuthorizeSecurityGroupIngress":
      return ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          ...authorizeIngressInput(ctx, check.groupId, check.rule, check.tags),
          DryRun: true,
        }),
      );
    case "CreateTags":
      return ec2.send(
        new CreateTagsCommand({
          Resources: check.resourceIds,
          Tags: toSdkTags(check.tags ?? PROBE_TAGS),
          DryRun: true,
        }),
      );
    case "RevokeSecurityGroupIngress":
      return ec2.send(
        new RevokeSecurityGroupIngressCommand({
          GroupId: check.groupId,
          SecurityGroupRuleIds: check.ruleIds,
          DryRun: true,
        }),
      );
  }
}
