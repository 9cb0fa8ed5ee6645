/**
 * What the status page's stored view depends on, read in one statement: the count of writes to
 * target_states, the latest finished audit and the running one. The page keeps what it read under this
 * stamp and reads again only when it moves (lib/web/status/status-cache.ts).
 */
import { sql } from "drizzle-orm";
import { AUDIT_LEASE_MS, aliveAt } from "./audit-runs";
import type { Db } from "./open";
import { auditRuns, statusVersion } from "./schema";

/** Counts one write to target_states; call it in the transaction (or statement batch) that writes them. */
export async function bumpStatusVersion(db: Db): Promise<void> {
  await db
    .insert(statusVersion)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({ target: statusVersion.id, set: { version: sql`${statusVersion.version} + 1` } });
}

/** The stamp as one string; equal stamps mean the stored view has not changed since. */
export async function statusStamp(db: Db, now = new Date(), leaseMs = AUDIT_LEASE_MS): Promise<string> {
  // The same order as latestFinishedRun and runningAudit, so the ids are the runs they return.
  const result = await db.execute(sql`select
    (select ${statusVersion.version} from ${statusVersion} where ${statusVersion.id} = 1) as version,
    (select ${auditRuns.id} from ${auditRuns} where ${auditRuns.finishedAt} is not null
      order by ${auditRuns.finishedAt} desc limit 1) as finished,
    (select ${auditRuns.id} from ${auditRuns} where ${aliveAt(now, leaseMs)}
      order by ${auditRuns.startedAt} desc limit 1) as running`);
  const [row] = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return JSON.stringify([row?.version ?? 0, row?.finished ?? null, row?.running ?? null]);
}
