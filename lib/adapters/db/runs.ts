/**
 * Apply runs, their steps and what they created. A run is read and written whole (the progress page and
 * the history want all of it), but stored as rows: updates lock the run's row (SELECT … FOR UPDATE) and
 * write only what changed, so two writers never lose each other's change.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { TargetRef } from "@/lib/core/identity/identity";
import type { ApplyRun } from "./run-records";
import type { Db } from "./open";
import { createdRow, runRow, stepRow, toRun, type RunRow } from "./run-rows";
import { applyRuns, applySteps, createdResources } from "./schema";

async function loadRuns(db: Db, rows: RunRow[]): Promise<ApplyRun[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [steps, created] = await Promise.all([
    db.select().from(applySteps).where(inArray(applySteps.runId, ids)),
    db.select().from(createdResources).where(inArray(createdResources.runId, ids)),
  ]);
  return rows.map((r) =>
    toRun(
      r,
      steps.filter((s) => s.runId === r.id),
      created.filter((c) => c.runId === r.id),
    ),
  );
}

export async function insertRun(db: Db, run: ApplyRun): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(applyRuns).values(runRow(run));
    if (run.steps.length > 0)
      await tx.insert(applySteps).values(run.steps.map((s, i) => stepRow(run.id, i, s)));
    if (run.created.length > 0)
      await tx.insert(createdResources).values(run.created.map((c, i) => createdRow(run.id, i, c)));
  });
}

export async function findRun(db: Db, id: string): Promise<ApplyRun | undefined> {
  const rows = await db.select().from(applyRuns).where(eq(applyRuns.id, id));
  return (await loadRuns(db, rows))[0];
}

/** Newest first. */
export async function listRuns(db: Db, opts: { limit?: number } = {}): Promise<ApplyRun[]> {
  const query = db.select().from(applyRuns).orderBy(desc(applyRuns.startedAt), desc(applyRuns.id));
  return loadRuns(db, await (opts.limit ? query.limit(opts.limit) : query));
}

/** A run whose heartbeat stopped this long ago has lost its replica (the apply's lease period). */
export const RUN_STALE_AFTER_MS = 15_000;

/**
 * The parameter group the target's newest succeeded apply attached (reverts skipped: they put back what
 * was there before): the group a cluster that drifted off it is repaired with.
 */
export async function lastAttachedParameterGroup(db: Db, ref: TargetRef): Promise<string | undefined> {
  const rows = await db
    .select({ plan: applyRuns.plan })
    .from(applyRuns)
    .where(
      and(
        eq(applyRuns.accountId, ref.accountId),
        eq(applyRuns.region, ref.region),
        eq(applyRuns.kind, ref.kind),
        eq(applyRuns.targetId, ref.id),
        eq(applyRuns.status, "succeeded"),
      ),
    )
    .orderBy(desc(applyRuns.startedAt), desc(applyRuns.id))
    .limit(20);
  return rows.find((r) => !r.plan.revert)?.plan.choices?.parameterGroup.name;
}
