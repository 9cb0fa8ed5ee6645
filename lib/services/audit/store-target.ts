/**
 * One target's stored status row, from a focused read already made and its audit: what the refresh after an
 * action stores, and what an apply stores from its closing audit (not read again), with the change it saw
 * on the target's timeline. No AWS call here.
 */
import { targetStateOf } from "./stored-state";
import type { Db } from "@/lib/adapters/db";
import { allTargetStates } from "@/lib/adapters/db/target-state-queries";
import { replaceTargetState } from "@/lib/adapters/db/target-states";
import { recordTargetTransition } from "@/lib/adapters/db/action-transitions";
import { transitionOf } from "@/lib/core/alerts/transitions";
import type { FocusedSnapshot } from "@/lib/core/model/snapshot";
import type { ClusterAudit } from "@/lib/core/readiness";

/** The target as read and audited: its audit and the focused snapshot it came from. */
export interface AuditedTarget {
  snapshot: FocusedSnapshot;
  /** Undefined when the snapshot does not hold the target. */
  audit: ClusterAudit | undefined;
}

/** Replaces the focus's stored row with `audit` (or removes it when the read says the target is gone). */
export async function storeAuditedTarget(
  db: Db,
  { snapshot, audit }: AuditedTarget,
  accountName?: string,
): Promise<void> {
  const key = snapshot.focus;
  const stored = { accountId: key.accountId, region: key.region, kind: key.kind, targetId: key.id };
  if (!audit) {
    const list =
      key.kind === "serverless"
        ? snapshot.serverlessCaches
        : key.kind === "cache-cluster"
          ? snapshot.cacheClusters
          : snapshot.replicationGroups;
    // Absent from a list that failed to read is unknown, not gone: keep the row.
    if (list.ok) await replaceTargetState(db, stored, undefined);
    return;
  }
  const previous = (
    await allTargetStates(
      db,
      { accountId: key.accountId, region: key.region, kind: key.kind, q: key.id },
      "name",
    )
  ).find((r) => r.targetId === key.id);
  const state = targetStateOf(audit, accountName ?? previous?.accountName ?? key.accountId);
  const at = new Date();
  await replaceTargetState(db, stored, state, at);
  // What the action changed shows in the target's history now, not at the next scheduled audit.
  await recordTargetTransition(
    db,
    { ...stored, verdict: state.verdict, findings: state.findings },
    at,
    transitionOf,
  );
}
