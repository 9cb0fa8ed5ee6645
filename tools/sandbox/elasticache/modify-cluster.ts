/**
 * ModifyReplicationGroup and ModifyCacheCluster for what the product changes: the parameter group,
 * the security groups and the description. The group goes `modifying` and its members `applying` /
 * `adding`, then settle after the apply delay (see model/lifecycle.ts).
 */
import { invalidCombination, invalidValue, SandboxError } from "@/tools/sandbox/errors";
import { markApplying } from "@/tools/sandbox/model/lifecycle";
import { recordEvent, write, type OpContext, type OperationTable } from "@/tools/sandbox/model/operation";
import type { CacheClusterState } from "@/tools/sandbox/model/state";
import { required, str, stringList } from "@/tools/sandbox/protocol/query-form";
import {
  activeSecurityGroupIds,
  checkParameterGroupChange,
  checkSecurityGroups,
  replaceMemberships,
  sameSet,
  UNSUPPORTED_FIELDS,
} from "./modify-rules";
import { cacheClusterXml, replicationGroupXml } from "./serialize";

interface MemberChange {
  group?: string;
  securityGroups?: string[];
}

function refuseUnsupported(ctx: OpContext): void {
  const present = UNSUPPORTED_FIELDS.filter((f) => ctx.params[f] !== undefined);
  if (present.length) throw invalidValue(`The sandbox does not simulate modifying ${present.join(", ")}.`);
}

/** Works out what changes for a member, or nothing; throws AWS's validation errors. */
function planMember(
  ctx: OpContext,
  cc: CacheClusterState,
  clusterEnabled: boolean,
  target: string,
): MemberChange {
  const change: MemberChange = {};
  const groupName = str(ctx.params, "CacheParameterGroupName");
  if (groupName !== undefined) {
    const next = checkParameterGroupChange(ctx.region, cc.parameterGroup, groupName, clusterEnabled, target);
    if (next !== cc.parameterGroup) change.group = next;
  }
  if (ctx.params.SecurityGroupIds !== undefined) {
    const ids = checkSecurityGroups(ctx.region, cc.subnetGroup, stringList(ctx.params, "SecurityGroupIds"));
    if (!sameSet(ids, activeSecurityGroupIds(cc))) change.securityGroups = ids;
  }
  return change;
}

function applyMember(ctx: OpContext, cc: CacheClusterState, change: MemberChange): void {
  if (change.group) {
    cc.parameterGroup = change.group;
    cc.paramApplyStatus = "applying";
  }
  if (change.securityGroups) cc.securityGroups = replaceMemberships(cc.securityGroups, change.securityGroups);
  cc.status = "modifying";
  markApplying(cc, ctx.now + ctx.applyDelayMs);
}

export const modifyClusterOps: OperationTable = {
  ModifyReplicationGroup: write((ctx) => {
    const id = required(ctx.params, "ReplicationGroupId").toLowerCase();
    const rg = ctx.region.replicationGroups.find((g) => g.id === id);
    if (!rg)
      throw new SandboxError("ReplicationGroupNotFoundFault", `ReplicationGroup ${id} not found.`, 404);
    refuseUnsupported(ctx);
    if (rg.status !== "available") {
      throw new SandboxError(
        "InvalidReplicationGroupState",
        `Replication group ${id} must be in available state to be modified (it is ${rg.status}).`,
        400,
      );
    }
    const members = rg.shards
      .flatMap((s) => s.members)
      .map((m) => ctx.region.cacheClusters.find((c) => c.id === m)!);
    const plans = members.map((cc) => ({
      cc,
      change: planMember(ctx, cc, rg.clusterEnabled, `replication group ${id}`),
    }));
    const description = str(ctx.params, "ReplicationGroupDescription");
    const describeChanged = description !== undefined && description !== rg.description;
    const changed = plans.filter((p) => p.change.group || p.change.securityGroups);
    if (changed.length === 0 && !describeChanged)
      throw invalidCombination("No modifications were requested.");
    if (describeChanged) rg.description = description;
    for (const p of changed) applyMember(ctx, p.cc, p.change);
    if (changed.length) {
      rg.status = "modifying";
      rg.settleAt = ctx.now + ctx.applyDelayMs;
    }
    recordEvent(ctx, "replication-group", id, "Modified replication group");
    return `<ReplicationGroup>${replicationGroupXml(ctx.region, rg)}</ReplicationGroup>`;
  }),

  ModifyCacheCluster: write((ctx) => {
    const id = required(ctx.params, "CacheClusterId").toLowerCase();
    const cc = ctx.region.cacheClusters.find((c) => c.id === id);
    if (!cc) throw new SandboxError("CacheClusterNotFound", `CacheCluster not found: ${id}`, 404);
    if (cc.replicationGroupId) {
      throw invalidCombination(
        `Cache cluster ${id} is a member of replication group ${cc.replicationGroupId}; modify the replication group instead.`,
      );
    }
    refuseUnsupported(ctx);
    if (cc.status !== "available") {
      throw new SandboxError(
        "InvalidCacheClusterState",
        `Cache cluster ${id} must be in available state to be modified (it is ${cc.status}).`,
        400,
      );
    }
    const change = planMember(ctx, cc, false, `cache cluster ${id}`);
    if (!change.group && !change.securityGroups) throw invalidCombination("No modifications were requested.");
    applyMember(ctx, cc, change);
    recordEvent(ctx, "cache-cluster", id, "Modified cache cluster");
    return `<CacheCluster>${cacheClusterXml(ctx.region, cc, false)}</CacheCluster>`;
  }),
};
