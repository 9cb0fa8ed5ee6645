/**
 * Wizard step 1's list: every VPC with its clusters counted, and every cluster (ElastiCache and MemoryDB)
 * with whether it can be chosen (and why not), whether it is ready already, and whether it is busy.
 */
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import { listTargets } from "@/lib/core/model/list-targets";
import { viewTarget, type TargetView } from "@/lib/core/model/target-view";
import { resolveTarget, valueOf } from "./target";
import { BUSY_STATUSES, busyReason, notSelectableReason, readinessOf } from "./validate-target";

export interface TargetOption {
  kind: "replication-group" | "cache-cluster" | "serverless" | "memorydb-cluster";
  id: string;
  vpcId?: string;
  engine: string;
  engineVersion: string;
  status: string;
  selectable: boolean;
  /** Why it cannot be chosen, when it cannot. */
  reason?: string;
  /** `not-applicable` when the wizard cannot fix it (see `reason`). */
  readiness: "ready" | "needs-changes" | "unknown" | "not-applicable";
  /** What the wizard would fix, or why readiness is unknown. */
  details: string[];
  busy: boolean;
  /**
   * Why the wizard refuses it right now (busy): it can be fixed, just not until it is available. Step 1 offers
   * it disabled with this; a plan (the CLI's) still shows it, blocked.
   */
  busyReason?: string;
}

export interface VpcOption {
  id: string;
  name?: string;
  cidrBlocks: string[];
  clusterCount: number;
}

export interface TargetOptions {
  region: string;
  vpcs: VpcOption[];
  clusters: TargetOption[];
  /** Reads that failed, so the page can say what is missing instead of showing an empty list. */
  problems: string[];
}

export function targetOptions(snapshot: RegionSnapshot): TargetOptions {
  const problems: string[] = [];
  for (const read of [
    snapshot.replicationGroups,
    snapshot.cacheClusters,
    snapshot.serverlessCaches,
    snapshot.vpcs,
    snapshot.subnetGroups,
    // MemoryDB's clusters and the subnet groups their VPC comes from, when the region's MemoryDB was read.
    ...(snapshot.memorydb ? [snapshot.memorydb.clusters, snapshot.memorydb.subnetGroups] : []),
  ]) {
    if (!read.ok) problems.push(read.problem.message);
  }
  const clusters: TargetOption[] = [];
  // Every target the region holds, groups seen only through their members included (lib/core/model).
  for (const ref of listTargets(snapshot)) {
    if (ref.kind === "memorydb-cluster") {
      const view = viewTarget(snapshot, ref);
      if (view) clusters.push(viewOption(snapshot, view));
      continue;
    }
    if (ref.kind === "serverless") {
      const view = viewTarget(snapshot, ref);
      if (view) clusters.push(serverlessOption(view));
      continue;
    }
    const resolved = resolveTarget(snapshot, { ...ref, kind: ref.kind });
    if (!resolved.ok) {
      clusters.push({
        kind: ref.kind,
        id: ref.id,
        engine: "unknown",
        engineVersion: "",
        status: "unknown",
        selectable: false,
        reason: resolved.message,
        readiness: "unknown",
        details: [resolved.message],
        busy: false,
      });
      continue;
    }
    clusters.push(viewOption(snapshot, resolved.target));
  }
  clusters.sort((a, b) => a.id.localeCompare(b.id));
  const vpcs = (valueOf(snapshot.vpcs) ?? []).map((v) => ({
    id: v.id,
    name: v.name,
    cidrBlocks: v.cidrBlocks,
    clusterCount: clusters.filter((c) => c.vpcId === v.id).length,
  }));
  return { region: snapshot.region, vpcs, clusters, problems };
}

/** A cluster the wizard can fix (ElastiCache node-based, or MemoryDB): judged by the same rules either way. */
function viewOption(snapshot: RegionSnapshot, t: TargetView): TargetOption {
  const reason = notSelectableReason(t);
  const readiness = reason ? undefined : readinessOf(snapshot, t);
  return {
    kind: t.ref.kind,
    id: t.ref.id,
    vpcId: t.vpcId,
    engine: t.engine ?? "unknown",
    engineVersion: t.engineVersion ?? "",
    status: t.status,
    selectable: !reason,
    reason,
    readiness: readiness?.state ?? "not-applicable",
    details:
      readiness?.state === "needs-changes"
        ? readiness.reasons
        : readiness?.state === "unknown"
          ? [readiness.reason]
          : [],
    busy: BUSY_STATUSES.includes(t.status),
    busyReason: busyReason(t),
  };
}

/** A serverless cache is listed (so its VPC counts) but never chosen: the wizard fixes node-based clusters. */
function serverlessOption(view: TargetView): TargetOption {
  const name = view.ref.id;
  return {
    kind: "serverless",
    id: name,
    vpcId: view.vpcId,
    engine: view.engine ?? "unknown",
    engineVersion: view.engineVersion ?? "",
    status: view.status,
    selectable: false,
    reason: `${name} is an ElastiCache Serverless cache: it has no parameter group and its eviction policy cannot be noeviction. BullMQ needs a node-based cluster.`,
    readiness: "not-applicable",
    details: [],
    busy: false,
  };
}
