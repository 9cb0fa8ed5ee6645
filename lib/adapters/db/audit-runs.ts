/**
 * The audit runs the status page talks about: the latest finished one (its age and duration), one still
 * running, and the single-flight claim of a manual refresh. The claim goes through the unique slot column,
 * like the scheduler's: while a refresh runs its row holds the slot `manual-running`, so a second claim
 * from any replica conflicts; once finished the row moves to `manual-<start time>` and frees it.
 */
import { and, desc, eq, gt, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "./open";
import { auditRuns } from "./schema";
import type { AuditRunRow } from "./records";

export const MANUAL_RUNNING_SLOT = "manual-running";

/** An unfinished audit older than this is taken for dead (its replica crashed) and no longer blocks. */
export const AUDIT_STALE_MS = 10 * 60_000;

export async function latestFinishedRun(db: Db): Promise<AuditRunRow | undefined> {
  const [run] = await db
    .select()
    .from(auditRuns)
    .where(isNotNull(auditRuns.finishedAt))
    .orderBy(desc(auditRuns.finishedAt))
    .limit(1);
  return run;
}

/** An audit started within the stale window and not finished yet (scheduled or manual), if any. */
export async function runningAudit(db: Db, now = new Date()): Promise<AuditRunRow | undefined> {
  const [run] = await db
    .select()
    .from(auditRuns)
    .where(
      and(isNull(auditRuns.finishedAt), gt(auditRuns.startedAt, new Date(now.getTime() - AUDIT_STALE_MS))),
    )
    .orderBy(desc(auditRuns.startedAt))
    .limit(1);
  return run;
}

export type ManualClaim = { ok: true } | { ok: false; running: AuditRunRow | undefined };

/** Claims a manual audit unless one (manual or scheduled) is running; exactly one of racing claims wins. */
export async function claimManualAudit(
  db: Db,
  claim: { id: string; startedBy: string; now?: Date },
): Promise<ManualClaim> {
  const now = claim.now ?? new Date();
  const running = await runningAudit(db, now);
  if (running) return { ok: false, running };
  // A refresh whose replica died holds the slot forever: past the stale window it is given up.
  await db
    .delete(auditRuns)
    .where(
      and(
        eq(auditRuns.slot, MANUAL_RUNNING_SLOT),
        isNull(auditRuns.finishedAt),
        lt(auditRuns.startedAt, new Date(now.getTime() - AUDIT_STALE_MS)),
      ),
    );
  const rows = await db
    .insert(auditRuns)
    .values({ id: claim.id, slot: MANUAL_RUNNING_SLOT, startedBy: claim.startedBy, startedAt: now })
    .onConflictDoNothing({ target: auditRuns.slot })
    .returning({ id: auditRuns.id });
  if (rows.length === 1) return { ok: true };
  return { ok: false, running: await runningAudit(db, now) };
}

/** Frees the manual slot: finished, the run keeps a slot of its own; failed, it is removed. */
export async function releaseManualAudit(db: Db, id: string, outcome: "finished" | "failed"): Promise<void> {
  const where = and(eq(auditRuns.id, id), eq(auditRuns.slot, MANUAL_RUNNING_SLOT));
  if (outcome === "failed") {
    await db.delete(auditRuns).where(where);
    return;
  }
  const [run] = await db.select().from(auditRuns).where(where);
  if (run)
    await db
      .update(auditRuns)
      .set({ slot: `manual-${run.startedAt.toISOString()}-${id}` })
      .where(where);
}
