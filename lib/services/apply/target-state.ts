/**
 * The live state of one target, read narrowly (its group and its members only): what the step
 * re-checks and the convergence polls look at.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import { listCacheClusters, listReplicationGroups } from "@/lib/adapters/aws/elasticache/reads";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { listMemoryDbClusters } from "@/lib/adapters/aws/memorydb/reads";
import type { CacheCluster, ReplicationGroup } from "@/lib/core/model/resources";
import type { NodeTargetRef, TargetRef } from "@/lib/core/identity/identity";
import { viewOwnReads } from "@/lib/core/model/target-view";
import type { ClusterChange } from "@/lib/adapters/aws/elasticache/writes";

/** What a change attaches, per member: the parameter group (with its apply status) and the security groups. */
export type MemberAttachments = Pick<CacheCluster, "id" | "parameterGroup" | "securityGroups">;

export interface TargetState {
  /** The replication group's status, or the standalone cluster's, or the MemoryDB cluster's. */
  status: string;
  /** A MemoryDB cluster keeps its attachments on the cluster record: it is its own one member. */
  members: MemberAttachments[];
}

/** The target's live attachments: ElastiCache through its members, MemoryDB off the one cluster record. */
export async function readTargetState(
  ctx: AwsContext,
  ref: NodeTargetRef | (TargetRef & { kind: "memorydb-cluster" }),
): Promise<TargetState> {
  return ref.kind === "memorydb-cluster" ? readMemoryDbState(ctx, ref.id) : readCacheState(ctx, ref);
}

async function readMemoryDbState(ctx: AwsContext, name: string): Promise<TargetState> {
  const cluster = (await listMemoryDbClusters(ctx, { name }))[0];
  if (!cluster) throw notFound(ctx, name);
  const group = cluster.parameterGroupName;
  return {
    status: cluster.status,
    members: [
      {
        id: cluster.name,
        // MemoryDB applies parameter changes without a reboot: there is never a node waiting for one.
        parameterGroup: group
          ? { name: group, applyStatus: cluster.parameterGroupStatus ?? "unknown", nodeIdsToReboot: [] }
          : undefined,
        securityGroups: cluster.securityGroups,
      },
    ],
  };
}

/** Reads the target's group and the members it lists (or the standalone cluster); members joined by the view. */
async function readCacheState(ctx: AwsContext, ref: NodeTargetRef): Promise<TargetState> {
  const readAt = new Date().toISOString();
  let replicationGroups: ReplicationGroup[] = [];
  let cacheClusters: CacheCluster[];
  if (ref.kind === "cache-cluster") cacheClusters = await listCacheClusters(ctx, { id: ref.id });
  else {
    replicationGroups = await listReplicationGroups(ctx, { id: ref.id });
    const ids = replicationGroups[0]?.memberClusterIds ?? [];
    cacheClusters = (await Promise.all(ids.map((m) => listCacheClusters(ctx, { id: m })))).flat();
  }
  const view = viewOwnReads(ref, { readAt, replicationGroups, cacheClusters });
  if (!view?.members.ok || (ref.kind === "replication-group" && !view.group)) throw notFound(ctx, ref.id);
  return { status: view.status, members: view.members.value };
}

function notFound(ctx: AwsContext, id: string): AwsError {
  return new AwsError({
    code: "not-found",
    message: `${id} no longer exists in ${ctx.region}.`,
    region: ctx.region,
    retryable: false,
  });
}

/**
 * Whether every member already has the group and exactly the security groups a change asks for
 * (SecurityGroupIds replaces the list, so a member with more groups, e.g. before a revert, still needs the call).
 */
export function hasAttachments(state: TargetState, want: ClusterChange): boolean {
  const ids = want.securityGroupIds;
  return (
    state.members.length > 0 &&
    state.members.every(
      (m) =>
        (!want.cacheParameterGroupName || m.parameterGroup?.name === want.cacheParameterGroupName) &&
        (!ids ||
          (m.securityGroups.length === ids.length &&
            ids.every((id) => m.securityGroups.some((g) => g.id === id)))),
    )
  );
}

export type Convergence =
  { done: true } | { done: false; waitingFor: string[] } | { done: false; stuck: string };

/**
 * Done means (docs/aws-facts.md §3): the target `available`, every member on the new group with
 * `ParameterApplyStatus == in-sync`, and every expected security group `active`. A change waiting for a
 * reboot will never finish on its own, and QueueReady never reboots: that is reported as stuck.
 */
export function convergence(
  state: TargetState,
  want: {
    /** Absent: the change leaves the group as it is (a revert of security groups only). */
    parameterGroupName?: string;
    securityGroupIds: string[];
    /** A revert also waits for every other group to be gone (a detached group shows "removing" a while). */
    exactSecurityGroups?: boolean;
  },
): Convergence {
  // Each condition once, with the nodes it holds for: not the node list again for every condition.
  const waiting = new Map<string, string[]>();
  const add = (what: string, node: string) => waiting.set(what, [...(waiting.get(what) ?? []), node]);
  for (const m of state.members) {
    const g = m.parameterGroup;
    if (g && (g.nodeIdsToReboot.length > 0 || g.applyStatus === "pending-reboot")) {
      return {
        done: false,
        stuck: `${m.id} waits for a reboot to apply ${g.name}; QueueReady never reboots a node (a reboot wipes its data).`,
      };
    }
    if (want.parameterGroupName !== undefined && g?.name !== want.parameterGroupName)
      add(`still on ${g?.name ?? "no parameter group"}`, m.id);
    else if (g && g.applyStatus !== "in-sync") add(`${g.name} ${g.applyStatus}`, m.id);
    if (want.exactSecurityGroups)
      for (const sg of m.securityGroups.filter((s) => !want.securityGroupIds.includes(s.id)))
        add(`${sg.id} still attached (${sg.status})`, m.id);
    for (const id of want.securityGroupIds) {
      const sg = m.securityGroups.find((s) => s.id === id);
      if (!sg) add(`${id} not shown yet`, m.id);
      else if (sg.status !== "active") add(`${id} ${sg.status}`, m.id);
    }
  }
  const all = state.members.length;
  const waitingFor = [
    ...(state.status !== "available" ? [`the cluster is ${state.status}`] : []),
    ...[...waiting].map(
      ([what, nodes]) =>
        `${what} (${nodes.length === all && all > 1 ? `all ${all} nodes` : nodes.join(", ")})`,
    ),
  ];
  return waitingFor.length === 0 ? { done: true } : { done: false, waitingFor };
}
