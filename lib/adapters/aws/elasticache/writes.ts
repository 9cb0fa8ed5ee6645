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
import { writeAws, writeInChunks } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import {
  checkedGroupName,
  requireAttachChange,
  sdkParameterValues,
  sdkTags,
} from "@/lib/adapters/aws/parameter-group-writes";
import { reshapeCacheCluster, reshapeCacheParameterGroup, reshapeReplicationGroup } from "./reshape";
import type { CacheCluster, CacheParameterGroup, ReplicationGroup, Tag } from "@/lib/core/model/resources";

/** AWS takes at most 20 parameters per ModifyCacheParameterGroup call. */
const PARAMETERS_PER_CALL = 20;

/** The attachment change for a cluster. `securityGroupIds` REPLACES the list: send the existing ids too. */
export interface ClusterChange {
  cacheParameterGroupName?: string;
  securityGroupIds?: string[];
}

/** A new group starts as a copy of its family's defaults (`maxmemory-policy=volatile-lru`). */
export async function createCacheParameterGroup(
  ctx: AwsContext,
  group: { name: string; family: string; description: string; tags?: Tag[] },
): Promise<CacheParameterGroup> {
  const name = checkedGroupName(ctx, "CreateCacheParameterGroup", group.name);
  const out = await writeAws(ctx, "elasticache", "CreateCacheParameterGroup", ({ elasticache }) =>
    elasticache.send(
      new CreateCacheParameterGroupCommand({
        CacheParameterGroupName: name,
        CacheParameterGroupFamily: group.family,
        Description: group.description,
        Tags: sdkTags(group.tags),
      }),
    ),
  );
  return reshapeCacheParameterGroup(
    out.CacheParameterGroup ?? {
      CacheParameterGroupName: name,
      CacheParameterGroupFamily: group.family,
      Description: group.description,
    },
  );
}

/**
 * Sets parameter values, 20 per call, in order. Calls are not atomic (writeInChunks): a failed chunk leaves
 * the earlier ones set, and running again converges.
 */
export async function modifyCacheParameterGroup(
  ctx: AwsContext,
  name: string,
  values: { name: string; value: string }[],
): Promise<void> {
  await writeInChunks(
    ctx,
    "elasticache",
    "ModifyCacheParameterGroup",
    values,
    PARAMETERS_PER_CALL,
    ({ elasticache }, batch) =>
      elasticache.send(
        new ModifyCacheParameterGroupCommand({
          CacheParameterGroupName: name,
          ParameterNameValues: sdkParameterValues(batch),
        }),
      ),
  );
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
  requireAttachChange(ctx, "ModifyReplicationGroup", change.cacheParameterGroupName, change.securityGroupIds);
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
  requireAttachChange(ctx, "ModifyCacheCluster", change.cacheParameterGroupName, change.securityGroupIds);
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
