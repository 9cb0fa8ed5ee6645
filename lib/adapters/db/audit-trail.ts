/**
 * The append-only audit trail: this module only inserts and reads. The table's trigger refuses UPDATE,
 * DELETE and TRUNCATE, so not even a future bug here can rewrite what happened.
 */
import { and, asc, count, gt, inArray } from "drizzle-orm";
import type { Db } from "./open";
import { auditTrail } from "./schema";

export type TrailEvent = NonNullable<typeof auditTrail.$inferInsert.event>;

export interface TrailEntry {
  seq: number;
  at: string;
  event: TrailEvent;
  actor: string;
  actorRole?: string;
  approvalId?: string;
  planHash?: string;
  targets: string[];
  changeRef?: string;
  runId?: string;
  requestIds: { operation: string; requestId: string }[];
  detail?: string;
}

export type NewTrailEntry = Omit<TrailEntry, "seq" | "at" | "requestIds"> & {
  requestIds?: TrailEntry["requestIds"];
};

export async function appendTrail(db: Db, entry: NewTrailEntry, now: Date = new Date()): Promise<void> {
  await db.insert(auditTrail).values({
    at: now,
    event: entry.event,
    actor: entry.actor,
    actorRole: entry.actorRole ?? null,
    approvalId: entry.approvalId ?? null,
    planHash: entry.planHash ?? null,
    targets: entry.targets,
    changeRef: entry.changeRef ?? null,
    runId: entry.runId ?? null,
    requestIds: entry.requestIds ?? [],
    detail: entry.detail ?? null,
  });
}

type Row = typeof auditTrail.$inferSelect;

function toEntry(row: Row): TrailEntry {
  const optional = {
    actorRole: row.actorRole,
    approvalId: row.approvalId,
    planHash: row.planHash,
    changeRef: row.changeRef,
    runId: row.runId,
    detail: row.detail,
  };
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    event: row.event,
    actor: row.actor,
    targets: row.targets,
    requestIds: row.requestIds,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)),
  };
}

/** How many trail lines there are of each event (the metrics: break-glass overrides among them). */
export async function countTrailEvents(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ event: auditTrail.event, n: count() })
    .from(auditTrail)
    .groupBy(auditTrail.event);
  return Object.fromEntries(rows.map((r) => [r.event, Number(r.n)]));
}

/** The trail lines of these apply runs (their applied, overridden or reverted line), by run id. */
export async function trailOfRuns(db: Db, runIds: string[]): Promise<Map<string, TrailEntry>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(auditTrail)
    .where(
      and(
        inArray(auditTrail.runId, runIds),
        inArray(auditTrail.event, ["applied", "overridden", "reverted"]),
      ),
    )
    .orderBy(asc(auditTrail.seq));
  return new Map(rows.map((r) => [r.runId!, toEntry(r)]));
}

/** One page of the trail in order, after `afterSeq`: a reader streams it page by page. */
export async function readTrail(db: Db, afterSeq = 0, limit = 500): Promise<TrailEntry[]> {
  const rows = await db
    .select()
    .from(auditTrail)
    .where(gt(auditTrail.seq, afterSeq))
    .orderBy(asc(auditTrail.seq))
    .limit(limit);
  return rows.map(toEntry);
}
