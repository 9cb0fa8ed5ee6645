/**
 * MemoryDB writes, through `writeAws` so each request id reaches the audit trail. Each sends only what the
 * caller asked to change. MemoryDB has no ApplyImmediately: an UpdateCluster applies on its own and the
 * cluster reports `ParameterGroupStatus` until it is `in-sync`.
 */
import {
  CreateParameterGroupCommand,
  DeleteParameterGroupCommand,
  UpdateClusterCommand,
  UpdateParameterGroupCommand,
} from "@aws-sdk/client-memorydb";
import { writeAws, writeInChunks } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import {
  checkedGroupName,
  requireAttachChange,
  sdkParameterValues,
  sdkTags,
} from "@/lib/adapters/aws/parameter-group-writes";
import type { MemoryDbCluster, MemoryDbParameterGroup } from "@/lib/core/model/memorydb";
import type { Tag } from "@/lib/core/model/resources";
import { reshapeCluster, reshapeParameterGroup } from "./reshape";

/** AWS takes at most 20 ParameterNameValues per UpdateParameterGroup call. */
const PARAMETERS_PER_CALL = 20;

/** What UpdateCluster changes. `securityGroupIds` REPLACES the list: send the ids to keep too. */
export interface MemoryDbClusterChange {
  parameterGroupName?: string;
  securityGroupIds?: string[];
}

/** A new group starts as a copy of its family's defaults; the tags (queueready:*) say who made it. */
export async function createMemoryDbParameterGroup(
  ctx: AwsContext,
  group: { name: string; family: string; description: string; tags?: Tag[] },
): Promise<MemoryDbParameterGroup> {
  const name = checkedGroupName(ctx, "CreateParameterGroup", group.name);
  const out = await writeAws(ctx, "memorydb", "CreateParameterGroup", ({ memorydb }) =>
    memorydb.send(
      new CreateParameterGroupCommand({
        ParameterGroupName: name,
        Family: group.family,
        Description: group.description,
        Tags: sdkTags(group.tags),
      }),
    ),
  );
  return reshapeParameterGroup(
    out.ParameterGroup ?? { Name: name, Family: group.family, Description: group.description },
  );
}

/**
 * Sets parameter values, 20 per call, in order. Calls are not atomic (writeInChunks): a failed chunk leaves
 * the earlier ones set, and running again converges.
 */
export async function updateMemoryDbParameterGroup(
  ctx: AwsContext,
  name: string,
  values: { name: string; value: string }[],
): Promise<void> {
  await writeInChunks(
    ctx,
    "memorydb",
    "UpdateParameterGroup",
    values,
    PARAMETERS_PER_CALL,
    ({ memorydb }, batch) =>
      memorydb.send(
        new UpdateParameterGroupCommand({
          ParameterGroupName: name,
          ParameterNameValues: sdkParameterValues(batch),
        }),
      ),
  );
}

/** Undo only: AWS refuses while a cluster still uses the group, so re-attach the previous one first. */
export async function deleteMemoryDbParameterGroup(ctx: AwsContext, name: string): Promise<void> {
  await writeAws(ctx, "memorydb", "DeleteParameterGroup", ({ memorydb }) =>
    memorydb.send(new DeleteParameterGroupCommand({ ParameterGroupName: name })),
  );
}

/** Attaches a parameter group (same family only) and/or replaces the security group list. */
export async function updateMemoryDbCluster(
  ctx: AwsContext,
  name: string,
  change: MemoryDbClusterChange,
): Promise<MemoryDbCluster> {
  requireAttachChange(ctx, "UpdateCluster", change.parameterGroupName, change.securityGroupIds);
  const out = await writeAws(ctx, "memorydb", "UpdateCluster", ({ memorydb }) =>
    memorydb.send(
      new UpdateClusterCommand({
        ClusterName: name,
        ParameterGroupName: change.parameterGroupName,
        SecurityGroupIds: change.securityGroupIds,
      }),
    ),
  );
  return reshapeCluster(out.Cluster ?? { Name: name }, ctx.region);
}
