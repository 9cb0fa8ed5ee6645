/**
 * Lazy state transitions. A modification stamps `settleAt = now + applyDelay`; every request first
 * settles the region against the clock, so no timers run and a persisted state resumes correctly.
 */
import type { CacheClusterState, RegionState } from "./state";

/** `onInSync` hears of every cluster whose parameter change just reached `in-sync` (the real engines follow). */
export function settleRegion(
  region: RegionState,
  now: number,
  onInSync?: (region: RegionState, cc: CacheClusterState) => void,
): void {
  for (const rg of region.replicationGroups) {
    if (rg.settleAt !== undefined && rg.settleAt <= now) {
      rg.status = "available";
      delete rg.settleAt;
    }
  }
  for (const cc of region.cacheClusters) {
    if (cc.settleAt === undefined || cc.settleAt > now) continue;
    const applying = cc.paramApplyStatus === "applying";
    settleCluster(cc);
    if (applying && cc.paramApplyStatus === "in-sync") onInSync?.(region, cc);
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
