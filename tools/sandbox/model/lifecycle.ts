/**
 * State transitions. A modification stamps `settleAt = now + applyDelay`. The sandbox's settle timer
 * (settle-timer.ts) settles every region when the earliest deadline passes, as AWS completes a change on
 * its own; every request also settles its region against the clock first, so a persisted state resumes
 * correctly whichever comes first.
 */
import { memoryDbSettleAt, settleMemoryDb } from "@/tools/sandbox/memorydb/settle";
import type { MemoryDbClusterState } from "@/tools/sandbox/memorydb/state";
import type { CacheClusterState, RegionState, SandboxState } from "./state";

/** What reaches `in-sync`: an ElastiCache cache cluster, or a MemoryDB cluster (all its nodes at once). */
export type InSyncTarget = CacheClusterState | MemoryDbClusterState;

type InSyncListener = (region: RegionState, target: InSyncTarget) => void;

function regionsOf(state: SandboxState): RegionState[] {
  return Object.values(state.accounts).flatMap((a) => Object.values(a.regions));
}

/** The earliest pending deadline of any account and region, or undefined when nothing is changing. */
export function nextSettleAt(state: SandboxState): number | undefined {
  let next: number | undefined;
  for (const region of regionsOf(state)) {
    for (const item of [...region.replicationGroups, ...region.cacheClusters]) {
      if (item.settleAt !== undefined && (next === undefined || item.settleAt < next)) next = item.settleAt;
    }
    const memoryDb = memoryDbSettleAt(region);
    if (memoryDb !== undefined && (next === undefined || memoryDb < next)) next = memoryDb;
  }
  return next;
}

/** Settles every region against `now`; true when anything changed (the caller persists). */
export function settleState(state: SandboxState, now: number, onInSync?: InSyncListener): boolean {
  const before = nextSettleAt(state);
  if (before === undefined || before > now) return false;
  for (const region of regionsOf(state)) settleRegion(region, now, onInSync);
  return true;
}

/** `onInSync` hears of every cluster whose parameter change just reached `in-sync` (the real engines follow). */
export function settleRegion(region: RegionState, now: number, onInSync?: InSyncListener): void {
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
  settleMemoryDb(region, now, onInSync);
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
