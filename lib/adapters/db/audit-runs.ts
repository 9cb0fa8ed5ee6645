/**
 * The audit runs the status page talks about: the latest finished one (its age and duration), one still
 * running, and the single-flight claim of a manual refresh. The claim goes through the unique slot column,
 * like the scheduler's: while a refresh runs its row holds the slot `manual-running`, so a second claim
 * from any replica conflicts; once finished the row moves to `manual-<start time>` and frees it.
 *
 * An unfinished run is alive while its replica beats (`heartbeat_at`, every third of a lease); one that
 * stopped beating (its replica died, or was stopped and released it) frees its slot within one lease, so
 * another replica runs that slot's audit and Refresh is offered again.
 */
import { and, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "./open";
import { auditRuns } from "./schema";
import type { AuditRunRow } from "./records";

export const MANUAL_RUNNING_SLOT = "manual-running";

/** An unfinished audit whose replica has not beaten for this long is taken for dead and no longer blocks. */
export const AUDIT_LEASE_MS = 30_000;

/** Unfinished, and its replica beat within the lease (a row from before heartbeats counts from its start). */
export const aliveAt = (now: Date, leaseMs: number): SQL =>
  sql`${auditRuns.finishedAt} is null and coalesce(${auditRuns.heartbeatAt}, ${auditRuns.startedAt}) > ${new Date(now.getTime() - leaseMs)}`;
const deadAt = (now: Date, leaseMs: number): SQL =>
  sql`${auditRuns.finishedAt} is null and coalesce(${auditRuns.heartbeatAt}, ${auditRuns.startedAt}) <= ${new Date(now.getTime() - leaseMs)}`;

export async function latestFinishedRun(db: Db): Promise<AuditRunRow | undefined> {
  const [run] = await db
    .select()
    .from(auditRuns)
    .where(isNotNull(auditRuns.finishedAt))
    .orderBy(desc(auditRuns.finishedAt))
    .limit(1);
  return run;
}

/** An unfinished audit whose replica is alive (scheduled or manual), if any. */
export async function runningAudit(
  db: Db,
  now = new Date(),
  leaseMs = AUDIT_LEASE_MS,
): Promise<AuditRunRow | undefined> {
  const [run] = await db
    .select()
    .from(auditRuns)
    .where(aliveAt(now, leaseMs))
    .orderBy(desc(auditRuns.startedAt))
    .limit(1);
  return run;
}

/** Frees `slot` when its run is unfinished and its replica stopped beating; true when it did. */
export async function freeDeadSlot(
  db: Db,
  slot: string,
  now = new Date(),
  leaseMs = AUDIT_LEASE_MS,
): Promise<boolean> {
  const rows = await db
    .delete(auditRuns)
    .where(and(eq(auditRuns.slot, slot), deadAt(now, leaseMs)))
    .returning({ id: auditRuns.id });
  return rows.length > 0;
}

/** The running audit's sign of life; false when its row is gone or finished (it was taken over). */
export async function beatAudit(db: Db, id: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(auditRuns)
    .set({ heartbeatAt: now })
    .where(and(eq(auditRuns.id, id), isNull(auditRuns.finishedAt)))
    .returning({ id: auditRuns.id });
  return rows.length === 1;
}

/** Gives up an unfinished run (this replica is stopping, or its audit failed) so its slot is free at once. */
export async function abandonAudit(db: Db, id: string): Promise<void> {
  await db.delete(auditRuns).where(and(eq(auditRuns.id, id), isNull(auditRuns.finishedAt)));
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
  // A refresh whose replica died would hold the slot for ever: once it stops beating it is given up.
  await freeDeadSlot(db, MANUAL_RUNNING_SLOT, now);
  const rows = await db
    .insert(auditRuns)
    .values({
      id: claim.id,
      slot: MANUAL_RUNNING_SLOT,
      startedBy: claim.startedBy,
      startedAt: now,
      heartbeatAt: now,
    })
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
