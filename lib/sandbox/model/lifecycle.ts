/**
 * Lazy state transitions. A modification stamps `settleAt = now + applyDelay`; every request first
 * settles the region against the clock, so no timers run and a persisted state resumes correctly.
 */
import type { CacheClusterState, RegionState } from "./state";

export function settleRegion(region: RegionState, now: number): void {
  for (const rg of region.replicationGroups) {
    if (rg.settleAt !== undefined && rg.settleAt <= now) {
      rg.status = "available";
      delete rg.settleAt;
    }
  }
  for (const cc of region.cacheClusters) {
    if (cc.settleAt !== undefined && cc.settleAt <= now) settleCluster(cc);
  }
}

function settleCluster(cc: CacheClusterState): void {
  if (cc.status === "modifying") cc.status = "available";
  if (cc.paramApplyStatus === "applying") cc.paramApplyStatus = "in-sync";
  cc.securityGroups = cc.securityGroups
    .filter((sg) => sg.status !== "removing")
    .map((sg) => ({ id: sg.id, status: "active" }));
  delete cc.settleAt;
}

/** Marks a cluster as applying a change until `settleAt` (the later of any pending deadline). */
export function markApplying(cc: CacheClusterState, settleAt: number): void {
  cc.settleAt = Math.max(cc.settleAt ?? 0, settleAt);
}
