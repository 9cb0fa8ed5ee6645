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
import { chunk, writeAws } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { AwsError } from "@/lib/adapters/aws/errors";
import type { MemoryDbCluster, MemoryDbParameterGroup } from "@/lib/core/model/memorydb";
import { checkParameterGroupName } from "@/lib/core/model/names";
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
  const checked = checkParameterGroupName(group.name);
  if (!checked.ok) throw invalidInput("CreateParameterGroup", ctx, `"${group.name}": ${checked.reason}`);
  const out = await writeAws(ctx, "memorydb", "CreateParameterGroup", ({ memorydb }) =>
    memorydb.send(
      new CreateParameterGroupCommand({
        ParameterGroupName: checked.normalized,
        Family: group.family,
        Description: group.description,
        Tags: group.tags?.map((t) => ({ Key: t.key, Value: t.value })),
      }),
    ),
  );
  return reshapeParameterGroup(
    out.ParameterGroup ?? { Name: checked.normalized, Family: group.family, Description: group.description },
  );
}

/**
 * Sets parameter values, 20 per call, in order. Calls are not atomic: when a later chunk fails the earlier
 * ones stay set (the AwsError names the operation; running again converges).
 */
export async function updateMemoryDbParameterGroup(
  ctx: AwsContext,
  name: string,
  values: { name: string; value: string }[],
): Promise<void> {
  for (const batch of chunk(values, PARAMETERS_PER_CALL)) {
    await writeAws(ctx, "memorydb", "UpdateParameterGroup", ({ memorydb }) =>
      memorydb.send(
        new UpdateParameterGroupCommand({
          ParameterGroupName: name,
          ParameterNameValues: batch.map((p) => ({ ParameterName: p.name, ParameterValue: p.value })),
        }),
      ),
    );
  }
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
  if (change.parameterGroupName === undefined && change.securityGroupIds === undefined)
    throw new AwsError({
      code: "no-change",
      operation: "UpdateCluster",
      region: ctx.region,
      retryable: false,
      message:
        "Nothing to change: UpdateCluster was asked to change neither the parameter group nor the security groups.",
    });
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

function invalidInput(operation: string, ctx: AwsContext, detail: string): AwsError {
  return new AwsError({
    code: "invalid-input",
    operation,
    region: ctx.region,
    retryable: false,
    message: `Invalid request (${operation}): ${detail}`,
  });
}
