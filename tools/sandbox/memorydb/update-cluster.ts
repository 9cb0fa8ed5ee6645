/**
 * UpdateCluster for what the product changes: the parameter group (same family only), the security
 * groups (the list replaces the cluster's, each must be in the cluster's VPC) and the description.
 * Other members are refused rather than silently ignored; asking for nothing new is a NoOperationFault.
 */
import { SandboxError } from "@/tools/sandbox/errors";
import type { SecurityGroupMembershipState } from "@/tools/sandbox/model/state";
import { db, parameterGroupOf, recordMemoryDbEvent, type MemoryDbContext } from "./context";
import { familyFor } from "./families";
import { invalidCombination, invalidValue, optString, optStringList } from "./input";
import { markUpdating } from "./settle";
import type { MemoryDbClusterState } from "./state";

const SUPPORTED = new Set(["ClusterName", "ParameterGroupName", "SecurityGroupIds", "Description"]);

function checkSecurityGroups(ctx: MemoryDbContext, cluster: MemoryDbClusterState, ids: string[]): string[] {
  if (ids.length === 0 || ids.length > 5)
    throw invalidValue("SecurityGroupIds must name between 1 and 5 security groups.");
  const vpcId = db(ctx).subnetGroups.find((g) => g.name === cluster.subnetGroup)?.vpcId;
  for (const id of ids) {
    const sg = ctx.region.securityGroups.find((g) => g.id === id);
    if (!sg) throw invalidValue(`The security group ${id} does not exist.`);
    if (sg.vpcId !== vpcId)
      throw new SandboxError(
        "InvalidVPCNetworkStateFault",
        `The security group ${id} is not in the VPC ${vpcId} of cluster ${cluster.name}.`,
        400,
      );
  }
  return [...new Set(ids)];
}

function replaced(current: SecurityGroupMembershipState[], ids: string[]): SecurityGroupMembershipState[] {
  const kept = current.filter((m) => ids.includes(m.id)).map((m) => ({ ...m }));
  const removed = current.filter((m) => !ids.includes(m.id)).map((m) => ({ id: m.id, status: "removing" }));
  const added = ids.filter((id) => !current.some((m) => m.id === id)).map((id) => ({ id, status: "adding" }));
  return [...kept, ...added, ...removed];
}

export function updateCluster(ctx: MemoryDbContext, cluster: MemoryDbClusterState): void {
  const unsupported = Object.keys(ctx.body).filter((k) => !SUPPORTED.has(k));
  if (unsupported.length)
    throw invalidValue(`The sandbox does not simulate updating ${unsupported.join(", ")}.`);
  if (cluster.status !== "available")
    throw new SandboxError(
      "InvalidClusterStateFault",
      `Cluster ${cluster.name} is not in available state (it is ${cluster.status}).`,
      400,
    );
  const groupName = optString(ctx.body, "ParameterGroupName");
  const ids = optStringList(ctx.body, "SecurityGroupIds");
  const description = optString(ctx.body, "Description");
  let group: string | undefined;
  if (groupName !== undefined) {
    const next = parameterGroupOf(ctx, groupName);
    const family = familyFor(cluster.engine, cluster.engineVersion);
    if (next.family !== family)
      throw invalidCombination(
        `Expected a parameter group of family ${family} but found one of family ${next.family}.`,
      );
    if (next.name !== cluster.parameterGroup) group = next.name;
  }
  let memberships: SecurityGroupMembershipState[] | undefined;
  if (ids !== undefined) {
    const wanted = checkSecurityGroups(ctx, cluster, ids);
    const active = cluster.securityGroups.map((m) => m.id);
    const same = wanted.length === active.length && wanted.every((id) => active.includes(id));
    if (!same) memberships = replaced(cluster.securityGroups, wanted);
  }
  const newDescription = description !== undefined && description !== cluster.description;
  if (!group && !memberships && !newDescription)
    throw new SandboxError("NoOperationFault", "No modifications were requested.", 400);
  if (newDescription) cluster.description = description!;
  if (!group && !memberships) return;
  if (group) {
    cluster.parameterGroup = group;
    cluster.parameterGroupStatus = "applying";
  }
  if (memberships) cluster.securityGroups = memberships;
  cluster.status = "updating";
  markUpdating(cluster, ctx.now + ctx.applyDelayMs);
  recordMemoryDbEvent(ctx, "cluster", cluster.name, `Cluster ${cluster.name} update started`);
}
