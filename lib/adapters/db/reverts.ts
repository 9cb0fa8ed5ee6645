/** The runs that revert a given run (their plan names it), newest first: the run page links them. */
import { desc, sql } from "drizzle-orm";
import type { ApplyRun } from "./run-records";
import type { Db } from "./open";
import { findRun } from "./runs";
import { applyRuns } from "./schema";

export async function findRevertsOf(db: Db, runId: string): Promise<ApplyRun[]> {
  const rows = await db
    .select({ id: applyRuns.id })
    .from(applyRuns)
    .where(sql`${applyRuns.plan} -> 'revert' ->> 'runId' = ${runId}`)
    .orderBy(desc(applyRuns.startedAt));
  const runs = await Promise.all(rows.map((r) => findRun(db, r.id)));
  return runs.filter((r): r is ApplyRun => r !== undefined);
}
