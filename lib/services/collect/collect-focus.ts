/**
 * Reads one target and what it references, for the wizard's steps, the preview and apply: no region-wide
 * parameter or security group reads. The cluster list stays whole (who else shares a group is part of the
 * plan) and so does the parameter group list (a new group needs a free name); everything else follows the
 * target: its subnet group, its VPC, the security groups in that VPC, the parameters of its own groups (and,
 * when asked, of its family's custom groups: the ones the planner may offer to reuse).
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import { isDefaultParameterGroup } from "@/lib/core/model/resources";
import {
  listCacheClusters,
  listCacheParameterGroups,
  listCacheParameters,
  listCacheSubnetGroups,
  listReplicationGroups,
  listServerlessCaches,
} from "@/lib/adapters/aws/elasticache/reads";
import { listSecurityGroups, listVpcs } from "@/lib/adapters/aws/ec2/reads";
import type { AwsContext } from "@/lib/adapters/aws/context";
import type { ScopeAccess } from "@/lib/services/estate/scope-access";
import type { TargetRef } from "@/lib/core/identity/identity";
import { collectMemoryDbFocus } from "./collect-memorydb";
import { readCloudWatch } from "./cloudwatch";
import { readOwnership } from "./ownership";
import { limiter, settle } from "./read-result";
import type { FocusedSnapshot, ReadResult } from "@/lib/core/model/snapshot";
import { viewTarget } from "@/lib/core/model/target-view";
import { parameterGroupsOfFamily } from "@/lib/core/model/shared-groups";

export interface Focus {
  target: TargetRef;
  /** Parameter groups whose parameters must be read whatever else (e.g. the one the choices name). */
  parameterGroups?: string[];
  /** Also read the custom groups of the target's family (the parameter group step's reuse offers). */
  reuseCandidates?: boolean;
}

const none = <T>(): Promise<ReadResult<T[]>> => Promise.resolve({ ok: true, value: [] });

/** A read by name of something absent is an empty list here: "not found" is the target view's answer. */
async function found<T>(read: Promise<T[]>): Promise<ReadResult<T[]>> {
  try {
    return { ok: true, value: await read };
  } catch (err) {
    if (err instanceof AwsError && err.problem.code === "not-found") return { ok: true, value: [] };
    return settle(Promise.reject(err));
  }
}

export async function collectFocus({ scope, ctx }: ScopeAccess, focus: Focus): Promise<FocusedSnapshot> {
  if (focus.target.kind === "memorydb-cluster")
    return collectMemoryDbFocus({ scope, ctx }, focus.target, focus.parameterGroups ?? []);
  const readAt = new Date().toISOString();
  const ref = focus.target;
  const owners = readOwnership(ctx, scope);
  const clusterList = settle(listCacheClusters(ctx));
  // The target's own members: the id itself (standalone) or the group's members.
  const cloudwatch = readCloudWatch(
    ctx,
    clusterList,
    (c) => c.id === ref.id || c.replicationGroupId === ref.id,
  );
  const [replicationGroups, cacheClusters, serverlessCaches, parameterGroups] = await Promise.all([
    ref.kind === "replication-group" ? found(listReplicationGroups(ctx, { id: ref.id })) : none<never>(),
    clusterList,
    ref.kind === "serverless" ? found(listServerlessCaches(ctx, { name: ref.id })) : none<never>(),
    settle(listCacheParameterGroups(ctx)),
  ]);
  const empty = { ok: true as const, value: [] };
  const lists: FocusedSnapshot = {
    coverage: "target",
    focus: ref,
    scope,
    region: scope.region,
    readAt,
    replicationGroups,
    cacheClusters,
    serverlessCaches,
    parameterGroups,
    parameters: {},
    subnetGroups: empty,
    securityGroups: empty,
    vpcs: empty,
  };
  const view = viewTarget(lists, ref);
  if (!view) return { ...lists, owners: await owners, cloudwatch: await cloudwatch };
  const subnetGroupName = view.subnetGroupName;
  const family = focus.reuseCandidates ? parameterGroupsOfFamily(lists, view.family).map((g) => g.name) : [];
  const groupNames = [...view.parameterGroupNames, ...family, ...(focus.parameterGroups ?? [])];
  const [subnetGroups, parameters, serverlessGroups] = await Promise.all([
    subnetGroupName ? found(listCacheSubnetGroups(ctx, { name: subnetGroupName })) : none<never>(),
    readParameters(ctx, groupNames),
    view.serverless && view.securityGroupIds.length > 0
      ? settle(listSecurityGroups(ctx, { ids: view.securityGroupIds }))
      : undefined,
  ]);
  // A serverless cache has no subnet group: its VPC is its security groups'.
  const vpcId =
    (subnetGroups.ok ? subnetGroups.value[0]?.vpcId : undefined) ??
    (serverlessGroups?.ok ? serverlessGroups.value[0]?.vpcId : undefined);
  const [vpcs, securityGroups] = await Promise.all([
    vpcId ? settle(listVpcs(ctx, { ids: [vpcId] })) : none<never>(),
    serverlessGroups ??
      (vpcId ? settle(listSecurityGroups(ctx, { vpcId })) : attachedGroups(ctx, view.securityGroupIds)),
  ]);
  return {
    ...lists,
    subnetGroups,
    parameters,
    vpcs,
    securityGroups,
    owners: await owners,
    cloudwatch: await cloudwatch,
  };
}

/** Without a VPC (its subnet group unread) the attached groups are still worth reading by id. */
function attachedGroups(ctx: AwsContext, ids: string[]) {
  return ids.length > 0 ? settle(listSecurityGroups(ctx, { ids })) : none<never>();
}

/** Each distinct custom group once, at most 8 at a time (parameter reads page). */
async function readParameters(ctx: AwsContext, names: string[]): Promise<FocusedSnapshot["parameters"]> {
  const run = limiter(8);
  const distinct = [...new Set(names.map((n) => n.toLowerCase()))].filter((n) => !isDefaultParameterGroup(n));
  const reads = await Promise.all(
    distinct
      .sort()
      .map(async (name) => [name, await run(() => settle(listCacheParameters(ctx, name)))] as const),
  );
  return Object.fromEntries(reads);
}
