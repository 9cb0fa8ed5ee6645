/**
 * Changing a stored run: under a row lock (SELECT … FOR UPDATE) in one transaction, so a progress write,
 * an undo mark and another replica's "interrupted" verdict are applied one after the other, each seeing
 * the last, and a guarded change (e.g. "only if still running") happens exactly once across replicas.
 */
import { and, eq, gte, lt } from "drizzle-orm";
import type { ApplyRun } from "./run-records";
import type { Db } from "./open";
import { createdRow, stepRow, toRun, runRow } from "./run-rows";
import { applyRuns, applySteps, createdResources } from "./schema";

export interface UpdateOptions {
  /** The change happens only when this holds for the run as locked; otherwise nothing is written. */
  when?: (run: ApplyRun) => boolean;
  /** Move the heartbeat on (the running apply's writes do; others' do not). Default true. */
  touch?: boolean;
  now?: Date;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Applies `change` to the stored run; returns the run as written, or undefined when `when` refused. */
export async function updateRun(
  db: Db,
  id: string,
  change: (run: ApplyRun) => void,
  opts: UpdateOptions = {},
): Promise<ApplyRun | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(applyRuns).where(eq(applyRuns.id, id)).for("update");
    if (!row) throw new Error(`Apply run ${id} is not in the database.`);
    const [steps, created] = await Promise.all([
      tx.select().from(applySteps).where(eq(applySteps.runId, id)),
      tx.select().from(createdResources).where(eq(createdResources.runId, id)),
    ]);
    const before = toRun(row, steps, created);
    if (opts.when && !opts.when(before)) return undefined;
    const after = structuredClone(before);
    change(after);
    if (opts.touch ?? true) after.heartbeatAt = (opts.now ?? new Date()).toISOString();
    await tx.update(applyRuns).set(runRow(after)).where(eq(applyRuns.id, id));
    for (const [i, s] of after.steps.entries()) {
      if (same(s, before.steps[i])) continue;
      const values = stepRow(id, i, s);
      await tx
        .insert(applySteps)
        .values(values)
        .onConflictDoUpdate({ target: [applySteps.runId, applySteps.position], set: values });
    }
    for (const [i, c] of after.created.entries()) {
      if (same(c, before.created[i])) continue;
      const values = createdRow(id, i, c);
      await tx
        .insert(createdResources)
        .values(values)
        .onConflictDoUpdate({ target: [createdResources.runId, createdResources.position], set: values });
    }
    // A change that drops entries (a record rewritten without them) drops their rows too.
    if (after.created.length < before.created.length)
      await tx
        .delete(createdResources)
        .where(and(eq(createdResources.runId, id), gte(createdResources.position, after.created.length)));
    return after;
  });
}

/**
 * Marks every running run whose heartbeat is older than `staleBefore` as interrupted (its replica died),
 * once: a replica that finds the run already marked by another writes nothing. Returns the ids it marked.
 */
export async function interruptStaleRuns(db: Db, staleBefore: Date): Promise<string[]> {
  const stale = await db
    .select({ id: applyRuns.id })
    .from(applyRuns)
    .where(and(eq(applyRuns.status, "running"), lt(applyRuns.heartbeatAt, staleBefore)));
  const marked: string[] = [];
  for (const { id } of stale) {
    const done = await updateRun(db, id, interrupt, {
      touch: false,
      when: (r) => r.status === "running" && Date.parse(r.heartbeatAt) < staleBefore.getTime(),
    });
    if (done) marked.push(id);
  }
  return marked;
}

/** A run whose replica died: what was done stays recorded; the outcome says what was not. */
function interrupt(run: ApplyRun): void {
  run.status = "interrupted";
  run.phase = "finished";
  run.finishedAt = run.heartbeatAt;
  run.outcome = {
    done: run.steps.filter((s) => s.status === "done" || s.status === "skipped").map((s) => s.title),
    notDone: run.steps.filter((s) => s.status !== "done" && s.status !== "skipped").map((s) => s.title),
  };
  run.message = `The server stopped while this apply was running (last sign of life ${run.heartbeatAt}). Steps marked done were applied; preview again to converge.`;
}

/** The running apply's sign of life; false when the run is no longer running (another replica ended it). */
export async function touchRun(db: Db, id: string, now: Date = new Date()): Promise<boolean> {
  const rows = await db
    .update(applyRuns)
    .set({ heartbeatAt: now })
    .where(and(eq(applyRuns.id, id), eq(applyRuns.status, "running")))
    .returning({ id: applyRuns.id });
  return rows.length === 1;
}
