/**
 * What a notification adds to its event: who owns the target now (its stored state) and the latest apply
 * that changed the target's owned resources anyway, before the event, with its reason.
 */
import { and, desc, eq, isNotNull, lte } from "drizzle-orm";
import type { AlertOverride } from "@/lib/core/alerts/owner-text";
import type { Owner } from "@/lib/core/model/ownership";
import type { Db } from "./open";
import type { TargetEventRow } from "./records";
import { applyRuns, targetStates } from "./schema";

export interface AlertContext {
  owner: Owner | null;
  override: AlertOverride | null;
}

export async function alertContextOf(db: Db, e: TargetEventRow): Promise<AlertContext> {
  const same = <T extends typeof applyRuns | typeof targetStates>(t: T) =>
    and(eq(t.accountId, e.accountId), eq(t.region, e.region), eq(t.kind, e.kind), eq(t.targetId, e.targetId));
  const [state] = await db.select({ owner: targetStates.owner }).from(targetStates).where(same(targetStates));
  const [run] = await db
    .select({
      id: applyRuns.id,
      by: applyRuns.userName,
      startedAt: applyRuns.startedAt,
      ownerOverride: applyRuns.ownerOverride,
    })
    .from(applyRuns)
    .where(and(same(applyRuns), isNotNull(applyRuns.ownerOverride), lte(applyRuns.startedAt, e.at)))
    .orderBy(desc(applyRuns.startedAt))
    .limit(1);
  return {
    owner: state?.owner ?? null,
    override:
      run?.ownerOverride != null
        ? { runId: run.id, reason: run.ownerOverride.reason, by: run.by, at: run.startedAt.toISOString() }
        : null,
  };
}
