/**
 * ElastiCache writes. Each sends only what the caller asked to change; there is no DryRun in
 * ElastiCache, so checking permissions up front is the planner's job (via IAM), not this file's.
 */

import {
  CreateCacheParameterGroupCommand,
  DeleteCacheParameterGroupCommand,
  ModifyCacheClusterCommand,
  ModifyCacheParameterGroupCommand,
  ModifyReplicationGroupCommand,
} from "@aws-sdk/client-elasticache";
import { chunk, writeAws } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { AwsError } from "@/lib/adapters/aws/errors";
import { checkParameterGroupName } from "@/lib/core/model/names";
import { reshapeCacheCluster, reshapeCacheParameterGroup, reshapeReplicationGroup } from "./reshape";
import type { CacheCluster, CacheParameterGroup, ReplicationGroup, Tag } from "@/lib/core/model/resources";

/** AWS takes at most 20 parameters per ModifyCacheParameterGroup call. */
const PARAMETERS_PER_CALL = 20;

/** The attachment change for a cluster. `securityGroupIds` REPLACES the list: send the existing ids too. */
export interface ClusterChange {
  cacheParameterGroupName?: string;
  securityGroupIds?: string[];
}

const toSdkTags = (tags: Tag[] | undefined) => tags?.map((t) => ({ Key: t.key, Value: t.value }));

/** A new group starts as a copy of its family's defaults (`maxmemory-policy=volatile-lru`). */
export async function createCacheParameterGroup(
  ctx: AwsContext,
  group: { name: string; family: string; description: string; tags?: Tag[] },
): Promise<CacheParameterGroup> {
  const checked = checkParameterGroupName(group.name);
  if (!checked.ok) throw invalidInput("CreateCacheParameterGroup", ctx, `"${group.name}": ${checked.reason}`);
  const out = await writeAws(ctx, "elasticache", "CreateCacheParameterGroup", ({ elasticache }) =>
    elasticache.send(
      new CreateCacheParameterGroupCommand({
        CacheParameterGroupName: checked.normalized,
        CacheParameterGroupFamily: group.family,
        Description: group.description,
        Tags: toSdkTags(group.tags),
      }),
    ),
  );
  return reshapeCacheParameterGroup(
    out.CacheParameterGroup ?? {
      CacheParameterGroupName: checked.normalized,
      CacheParameterGroupFamily: group.family,
      Description: group.description,
    },
  );
}

/**
 * Sets parameter values, 20 per call, in order. Calls are not atomic: if a later chunk fails the earlier
 * ones stay applied (the AwsError says which operation failed; re-running converges).
 */
export async function modifyCacheParameterGroup(
  ctx: AwsContext,
  name: string,
  values: { name: string; value: string }[],
): Promise<void> {
  for (const batch of chunk(values, PARAMETERS_PER_CALL)) {
    await writeAws(ctx, "elasticache", "ModifyCacheParameterGroup", ({ elasticache }) =>
      elasticache.send(
        new ModifyCacheParameterGroupCommand({
          CacheParameterGroupName: name,
          ParameterNameValues: batch.map((p) => ({ ParameterName: p.name, ParameterValue: p.value })),
        }),
      ),
    );
  }
}

export async function deleteCacheParameterGroup(ctx: AwsContext, name: string): Promise<void> {
  await writeAws(ctx, "elasticache", "DeleteCacheParameterGroup", ({ elasticache }) =>
    elasticache.send(new DeleteCacheParameterGroupCommand({ CacheParameterGroupName: name })),
  );
}

/** Attaches a parameter group and/or security groups to a replication group (its members follow). */
export async function modifyReplicationGroup(
  ctx: AwsContext,
  id: string,
  change: ClusterChange,
): Promise<ReplicationGroup> {
  requireChange("ModifyReplicationGroup", ctx, change);
  const out = await writeAws(ctx, "elasticache", "ModifyReplicationGroup", ({ elasticache }) =>
    elasticache.send(new ModifyReplicationGroupCommand({ ReplicationGroupId: id, ...changeInput(change) })),
  );
  return reshapeReplicationGroup(out.ReplicationGroup ?? { ReplicationGroupId: id }, ctx.region);
}

/** The same for a standalone cache cluster (one that belongs to no replication group). */
export async function modifyCacheCluster(
  ctx: AwsContext,
  id: string,
  change: ClusterChange,
): Promise<CacheCluster> {
  requireChange("ModifyCacheCluster", ctx, change);
  const out = await writeAws(ctx, "elasticache", "ModifyCacheCluster", ({ elasticache }) =>
    elasticache.send(new ModifyCacheClusterCommand({ CacheClusterId: id, ...changeInput(change) })),
  );
  return reshapeCacheCluster(out.CacheCluster ?? { CacheClusterId: id }, ctx.region);
}

// ApplyImmediately only governs node type/version/count; group attachments apply at once either way.
// Sending it keeps AWS from parking anything else in the maintenance window.
function changeInput(change: ClusterChange) {
  return {
    ApplyImmediately: true,
    ...(change.cacheParameterGroupName !== undefined
      ? { CacheParameterGroupName: change.cacheParameterGroupName }
      : {}),
    ...(change.securityGroupIds !== undefined ? { SecurityGroupIds: change.securityGroupIds } : {}),
  };
}

/** An empty change is what AWS calls "No modifications were requested": say so without a call. */
function requireChange(operation: string, ctx: AwsContext, change: ClusterChange): void {
  if (change.cacheParameterGroupName !== undefined || change.securityGroupIds !== undefined) return;
  throw new AwsError({
    code: "no-change",
    operation,
    region: ctx.region,
    retryable: false,
    message: `Nothing to change: ${operation} was asked to change neither the parameter group nor the security groups.`,
  });
}

function invalidInput(operation: string, ctx: AwsContext, detail: string): AwsError {
  return new AwsError({
    code: "invalid-input",
    operation,
    region: ctx.region,
    retryable: false,
    message: `Invalid request (${operation}): ${detail}`,
  });
}
