/**
 * The planner's view of its target: the inventory's one target view (lib/core/model/target-view.ts), held to
 * what a plan needs (a node-based cluster with members, an engine and a version). Nothing is joined here.
 */
import type { CacheCluster, Engine, ReplicationGroup } from "@/lib/core/model/resources";
import type { NodeTargetRef } from "@/lib/core/identity/identity";
import type { ReadResult, Snapshot } from "@/lib/core/model/snapshot";
import { viewTarget, type TargetView } from "@/lib/core/model/target-view";
import type { TargetChoice } from "./choices";

export interface ResolvedTarget {
  ref: NodeTargetRef;
  view: TargetView;
  engine: Engine;
  /** The lowest member's version. */
  engineVersion: string;
  /** The replication group's status, or the standalone cluster's. */
  status: string;
  clusterEnabled: boolean;
  replicationGroup?: ReplicationGroup;
  /** The member cache clusters (or the standalone cluster itself), in id order. */
  members: CacheCluster[];
  /** The first member's group. */
  parameterGroupName?: string;
  family?: string;
  securityGroupIds: string[];
  vpcId?: string;
  port?: number;
  globalDatastore: boolean;
}

export type Resolved = { ok: true; target: ResolvedTarget } | { ok: false; message: string };

/** The value of a read, or undefined when the read failed (callers then say "unknown", never guess). */
export function valueOf<T>(read: ReadResult<T>): T | undefined {
  return read.ok ? read.value : undefined;
}

/** The first failed read among those named, as a sentence a person can act on. */
export function readFailure(snapshot: Snapshot, names: (keyof Snapshot)[]): string | undefined {
  for (const name of names) {
    const read = snapshot[name] as ReadResult<unknown>;
    if (!read.ok) return read.problem.message;
  }
  return undefined;
}

/** The plan's target in full: a choice without an account means the account the snapshot was read in. */
export function targetRefOf(snapshot: Pick<Snapshot, "scope">, choice: TargetChoice): NodeTargetRef {
  return {
    accountId: choice.accountId ?? snapshot.scope.accountId,
    region: choice.region,
    kind: choice.kind,
    id: choice.id,
  };
}

export function resolveTarget(snapshot: Snapshot, choice: TargetChoice): Resolved {
  const ref = targetRefOf(snapshot, choice);
  if (ref.region !== snapshot.region || ref.accountId !== snapshot.scope.accountId) {
    const read = `${snapshot.scope.accountId} ${snapshot.region}`;
    return { ok: false, message: `The live state read is for ${read}, not ${ref.accountId} ${ref.region}.` };
  }
  const failed = readFailure(snapshot, ["replicationGroups", "cacheClusters"]);
  if (failed) return { ok: false, message: failed };
  if (ref.kind === "replication-group") {
    if (!(valueOf(snapshot.replicationGroups) ?? []).some((g) => g.id === ref.id))
      return { ok: false, message: `No replication group named ${ref.id} in ${ref.region}.` };
  } else {
    const cluster = (valueOf(snapshot.cacheClusters) ?? []).find((c) => c.id === ref.id);
    if (!cluster) return { ok: false, message: `No cache cluster named ${ref.id} in ${ref.region}.` };
    if (cluster.replicationGroupId) {
      return {
        ok: false,
        message: `${ref.id} is a node of ${cluster.replicationGroupId}: choose the replication group.`,
      };
    }
  }
  const view = viewTarget(snapshot, ref);
  const members = view?.members.ok ? view.members.value : [];
  if (!view || members.length === 0 || !view.engine)
    return { ok: false, message: `${ref.id} lists no member cache clusters yet.` };
  return {
    ok: true,
    target: {
      ref,
      view,
      engine: view.engine,
      engineVersion: view.engineVersion ?? "",
      status: view.status,
      clusterEnabled: view.clusterMode,
      replicationGroup: view.group,
      members,
      parameterGroupName: members[0]?.parameterGroup?.name,
      family: view.family,
      securityGroupIds: view.securityGroupIds,
      vpcId: view.vpcId,
      port: view.port,
      globalDatastore: view.globalDatastore,
    },
  };
}

/** Every cache cluster (member or standalone) using a parameter group, reported by cluster name (RG id or cluster id). */
export function clustersUsingGroup(snapshot: Snapshot, groupName: string): string[] {
  const names = new Set<string>();
  for (const c of valueOf(snapshot.cacheClusters) ?? []) {
    if (c.parameterGroup?.name === groupName) names.add(c.replicationGroupId ?? c.id);
  }
  return [...names].sort();
}

/** The port a cache cluster's nodes listen on, from its endpoints (never assumed). */
function portOf(c: CacheCluster): number | undefined {
  return c.nodes.find((n) => n.endpoint)?.endpoint?.port ?? c.configurationEndpoint?.port;
}

/**
 * Clusters a new rule on `port` in this security group really opens: those that have the group and listen
 * on that port. One whose port is unknown is kept, named as such: it may listen there.
 */
export function clustersOpenedBy(snapshot: Snapshot, groupId: string, port: number): string[] {
  const names = new Map<string, string>();
  for (const c of valueOf(snapshot.cacheClusters) ?? []) {
    if (!c.securityGroups.some((g) => g.id === groupId)) continue;
    const p = portOf(c);
    const name = c.replicationGroupId ?? c.id;
    if (p === port) names.set(name, name);
    else if (p === undefined && !names.has(name)) names.set(name, `${name} (port unknown)`);
  }
  return [...names.values()].sort();
}

/** Every cluster name (RG id or standalone id) with a security group attached. */
export function clustersUsingSecurityGroup(snapshot: Snapshot, groupId: string): string[] {
  const names = new Set<string>();
  for (const c of valueOf(snapshot.cacheClusters) ?? []) {
    if (c.securityGroups.some((g) => g.id === groupId)) names.add(c.replicationGroupId ?? c.id);
  }
  return [...names].sort();
}
