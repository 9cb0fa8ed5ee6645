/**
 * MemoryDB's side of the settle clock: an UpdateCluster or an UpdateParameterGroup stamps `settleAt`;
 * once the clock passes it the cluster is `available`, its `ParameterGroupStatus` is `in-sync` and its
 * security group memberships are `active` (the ones being removed are gone).
 */
import type { RegionState } from "@/tools/sandbox/model/state";
import type { MemoryDbClusterState } from "./state";

/** The earliest MemoryDB deadline of a region, or undefined. */
export function memoryDbSettleAt(region: RegionState): number | undefined {
  let next: number | undefined;
  for (const c of region.memorydb?.clusters ?? [])
    if (c.settleAt !== undefined && (next === undefined || c.settleAt < next)) next = c.settleAt;
  return next;
}

export type MemoryDbInSyncListener = (region: RegionState, cluster: MemoryDbClusterState) => void;

export function settleMemoryDb(region: RegionState, now: number, onInSync?: MemoryDbInSyncListener): void {
  for (const c of region.memorydb?.clusters ?? []) {
    if (c.settleAt === undefined || c.settleAt > now) continue;
    const applying = c.parameterGroupStatus === "applying";
    if (c.status === "updating") c.status = "available";
    c.parameterGroupStatus = "in-sync";
    c.securityGroups = c.securityGroups
      .filter((sg) => sg.status !== "removing")
      .map((sg) => ({ id: sg.id, status: "active" }));
    delete c.settleAt;
    if (applying) onInSync?.(region, c);
  }
}

/** Starts applying a change on a cluster until `settleAt` (the later of any pending deadline). */
export function markUpdating(c: MemoryDbClusterState, settleAt: number): void {
  c.settleAt = Math.max(c.settleAt ?? 0, settleAt);
}
