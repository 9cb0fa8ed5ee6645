/**
 * Plans submitted for approval. A plan is stored once per content hash (submitting the same file twice
 * answers with the first record); a decision is a guarded update from `pending`, so two reviewers
 * pressing at once leave exactly one decision.
 */
import { and, desc, eq } from "drizzle-orm";
import type { ApprovalRecord } from "@/lib/core/approvals/gate";
import type { Db } from "./open";
import { newId } from "./record-id";
import { planApprovals } from "./schema";

export interface StoredApproval extends ApprovalRecord {
  planText: string;
  targets: string[];
  submittedVia: "cli" | "browser";
}

type Row = typeof planApprovals.$inferSelect;

function toApproval(row: Row): StoredApproval {
  return {
    id: row.id,
    planHash: row.planHash,
    planText: row.planText,
    accountIds: row.accountIds,
    targets: row.targets,
    submittedBy: row.submittedBy,
    submittedVia: row.submittedVia,
    submittedAt: row.submittedAt.toISOString(),
    status: row.status,
    ...(row.changeRef ? { changeRef: row.changeRef } : {}),
    ...(row.decidedBy && row.decidedAt
      ? {
          decision: {
            by: row.decidedBy,
            at: row.decidedAt.toISOString(),
            ...(row.comment ? { comment: row.comment } : {}),
          },
        }
      : {}),
  };
}

export interface NewApproval {
  planHash: string;
  planText: string;
  accountIds: string[];
  targets: string[];
  changeRef?: string;
  submittedBy: string;
  submittedVia: "cli" | "browser";
}

/** Stores the plan (or finds it stored already): `created` says which. */
export async function insertApproval(
  db: Db,
  input: NewApproval,
  now: Date = new Date(),
): Promise<{ approval: StoredApproval; created: boolean }> {
  const [row] = await db
    .insert(planApprovals)
    .values({
      id: newId(now),
      ...input,
      changeRef: input.changeRef ?? null,
      submittedAt: now,
      status: "pending",
    })
    .onConflictDoNothing({ target: planApprovals.planHash })
    .returning();
  if (row) return { approval: toApproval(row), created: true };
  return { approval: (await findApprovalByHash(db, input.planHash))!, created: false };
}

export async function findApproval(db: Db, id: string): Promise<StoredApproval | undefined> {
  const [row] = await db.select().from(planApprovals).where(eq(planApprovals.id, id));
  return row && toApproval(row);
}

export async function findApprovalByHash(db: Db, planHash: string): Promise<StoredApproval | undefined> {
  const [row] = await db.select().from(planApprovals).where(eq(planApprovals.planHash, planHash));
  return row && toApproval(row);
}

/** The newest plans first, optionally only those with one status. */
export async function listApprovals(
  db: Db,
  opts: { status?: StoredApproval["status"]; limit?: number } = {},
): Promise<StoredApproval[]> {
  const rows = await db
    .select()
    .from(planApprovals)
    .where(opts.status ? eq(planApprovals.status, opts.status) : undefined)
    .orderBy(desc(planApprovals.submittedAt))
    .limit(opts.limit ?? 200);
  return rows.map(toApproval);
}

/** Records the decision if the plan is still pending; undefined when someone decided first. */
export async function decideApproval(
  db: Db,
  id: string,
  decision: { status: "approved" | "rejected"; by: string; comment?: string },
  now: Date = new Date(),
): Promise<StoredApproval | undefined> {
  const [row] = await db
    .update(planApprovals)
    .set({
      status: decision.status,
      decidedBy: decision.by,
      decidedAt: now,
      comment: decision.comment ?? null,
    })
    .where(and(eq(planApprovals.id, id), eq(planApprovals.status, "pending")))
    .returning();
  return row && toApproval(row);
}
