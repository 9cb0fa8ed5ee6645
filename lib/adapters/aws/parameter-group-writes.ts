/**
 * What ElastiCache's and MemoryDB's writes have in common: the same parameter group name rules, the same
 * `Tags` and `ParameterNameValues` shapes, and the same refusal of a cluster change that changes nothing.
 * Each service's writes.ts keeps its own SDK commands (and so its own IAM actions).
 */
import { checkParameterGroupName } from "@/lib/core/model/names";
import type { Tag } from "@/lib/core/model/resources";
import type { AwsContext } from "./context";
import { AwsError } from "./errors";

export const sdkTags = (tags: Tag[] | undefined) => tags?.map((t) => ({ Key: t.key, Value: t.value }));

export const sdkParameterValues = (values: { name: string; value: string }[]) =>
  values.map((p) => ({ ParameterName: p.name, ParameterValue: p.value }));

/** The name as AWS stores it, or an invalid-input AwsError for `operation` before any call is made. */
export function checkedGroupName(ctx: AwsContext, operation: string, name: string): string {
  const checked = checkParameterGroupName(name);
  if (checked.ok) return checked.normalized;
  throw new AwsError({
    code: "invalid-input",
    operation,
    region: ctx.region,
    retryable: false,
    message: `Invalid request (${operation}): "${name}": ${checked.reason}`,
  });
}

/**
 * An empty change is what ElastiCache calls "No modifications were requested" (MemoryDB: NoOperationFault):
 * say so without a call.
 */
export function requireAttachChange(
  ctx: AwsContext,
  operation: string,
  parameterGroupName: string | undefined,
  securityGroupIds: string[] | undefined,
): void {
  if (parameterGroupName !== undefined || securityGroupIds !== undefined) return;
  throw new AwsError({
    code: "no-change",
    operation,
    region: ctx.region,
    retryable: false,
    message: `Nothing to change: ${operation} was asked to change neither the parameter group nor the security groups.`,
  });
}
