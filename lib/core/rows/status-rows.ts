/**
 * The status table's shape facts (topology) per target, from the inventory's one target view: version,
 * parameter groups and VPC are the view's answers, never a second join.
 */
import type { Engine } from "@/lib/core/model/resources";
import type { TargetRef } from "@/lib/core/identity/identity";
import { listTargets } from "@/lib/core/model/list-targets";
import type { RegionSnapshot, Snapshot } from "@/lib/core/model/snapshot";
import { viewTarget, type TargetView } from "@/lib/core/model/target-view";

/** One line of the status table: a replication group, a standalone cluster or a serverless cache. */
export interface StatusRow {
  ref: TargetRef;
  name: string;
  kind: TargetRef["kind"];
  engine?: Engine;
  /** The lowest member's version; serverless shows its major version. */
  engineVersion?: string;
  status: string;
  /** Distinct groups across members; more than one means members disagree (e.g. mid-change). */
  parameterGroups: string[];
  vpcId?: string;
  /** e.g. "1 shard × 2 nodes", "cluster mode · 2 shards × 2 nodes", "2 nodes", "serverless". */
  topology: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function topologyOf(t: TargetView): string {
  if (t.serverless) return "serverless";
  if (t.standalone) return plural(t.standalone.numCacheNodes, "node");
  const shards = t.group?.nodeGroups.length ?? 0;
  const nodes = t.group?.memberClusterIds.length ?? (t.members.ok ? t.members.value.length : 0);
  const perShard = shards > 0 ? Math.round(nodes / shards) : nodes;
  return `${t.clusterMode ? "cluster mode · " : ""}${plural(shards, "shard")} × ${plural(perShard, "node")}`;
}

/** The row of one target, or undefined when the snapshot does not hold it. */
export function statusRow(snapshot: Snapshot, ref: TargetRef): StatusRow | undefined {
  const t = viewTarget(snapshot, ref);
  if (!t) return undefined;
  return {
    ref,
    name: ref.id,
    kind: ref.kind,
    engine: t.engine,
    engineVersion: t.engineVersion,
    status: t.status,
    parameterGroups: t.parameterGroupNames,
    vpcId: t.vpcId,
    topology: topologyOf(t),
  };
}

export function buildStatusRows(snapshot: RegionSnapshot): StatusRow[] {
  return listTargets(snapshot)
    .flatMap((ref) => statusRow(snapshot, ref) ?? [])
    .sort((a, b) => a.name.localeCompare(b.name));
}
