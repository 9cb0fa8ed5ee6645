/** The runs that revert a given run (their plan names it), newest first: the run page links them. */
import { desc, sql } from "drizzle-orm";
import type { ApplyRun } from "@/lib/apply/types";
import type { Db } from "@/lib/db/open";
import { findRun } from "@/lib/db/runs";
import { applyRuns } from "@/lib/db/schema";

export async function findRevertsOf(db: Db, runId: string): Promise<ApplyRun[]> {
  const rows = await db
    .select({ id: applyRuns.id })
    .from(applyRuns)
    .where(sql`${applyRuns.plan} -> 'revert' ->> 'runId' = ${runId}`)
    .orderBy(desc(applyRuns.startedAt));
  const runs = await Promise.all(rows.map((r) => findRun(db, r.id)));
  return runs.filter((r): r is ApplyRun => r !== undefined);
}
