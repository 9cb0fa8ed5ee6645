/**
 * Stored audits: one row per audit (claimed by its schedule slot, so one replica runs each interval) and
 * one row per target with its verdict and findings. Readers (status summary, metrics) take the latest
 * finished audit, so what they show does not depend on how many people look.
 */
import { eq } from "drizzle-orm";
import { freeDeadSlot, latestFinishedRun } from "./audit-runs";
import type { Db } from "./open";
import { auditRuns, targetVerdicts, type AuditedAccount } from "./schema";
import type { AuditRunRow, TargetVerdictRow } from "./records";
import { jsonRows } from "./json-rows";
import { recordTransitions, type TransitionRule } from "./target-events";
import { storeAuditStates, type AuditedScope, type TargetStateInput } from "./target-states";

export type { AuditRunRow, TargetVerdictRow };

export interface AuditResult {
  verdicts: TargetVerdictRow[];
  awsErrors: Record<string, number>;
  failedRegions: { accountId?: string; region: string; message: string }[];
  /** Every account covered, with the problem that kept it out (absent: results of before accounts). */
  accounts?: AuditedAccount[];
  /** Each target's status row and the account-regions tried: the stored state (target_states). */
  states?: { targets: TargetStateInput[]; scopes: AuditedScope[] };
}

export interface StoredAudit {
  run: AuditRunRow;
  verdicts: TargetVerdictRow[];
}

/**
 * Claims the slot for this audit; false when another replica (or an earlier tick) has it, running or
 * finished. A run left unfinished by a replica that stopped beating is given up first, so its slot is
 * audited after all.
 */
export async function claimAuditSlot(
  db: Db,
  claim: { id: string; slot: string; startedBy: string; now?: Date; leaseMs?: number },
): Promise<boolean> {
  const now = claim.now ?? new Date();
  await freeDeadSlot(db, claim.slot, now, claim.leaseMs);
  const rows = await db
    .insert(auditRuns)
    .values({
      id: claim.id,
      slot: claim.slot,
      startedBy: claim.startedBy,
      startedAt: now,
      heartbeatAt: now,
    })
    .onConflictDoNothing({ target: auditRuns.slot })
    .returning({ id: auditRuns.id });
  return rows.length === 1;
}

const CHUNK = 500;

/**
 * Records the audit's results and marks it finished, in one transaction (readers never see half). Which
 * verdict changes make an event is the caller's rule (`transitionOf`); the database only keeps the order.
 */
export async function finishAudit(
  db: Db,
  id: string,
  result: AuditResult,
  finishedAt: Date,
  transitionOf: TransitionRule,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [run] = await tx.select().from(auditRuns).where(eq(auditRuns.id, id)).for("update");
    if (!run) throw new Error(`Audit ${id} is not in the database.`);
    if (run.finishedAt) return;
    for (let i = 0; i < result.verdicts.length; i += CHUNK) {
      const chunk = result.verdicts.slice(i, i + CHUNK).map((v) => ({ ...v, auditId: id }));
      await tx.insert(targetVerdicts).select(jsonRows(targetVerdicts, chunk));
    }
    await recordTransitions(
      tx,
      { id, startedAt: run.startedAt, at: finishedAt },
      result.verdicts,
      transitionOf,
    );
    await tx
      .update(auditRuns)
      .set({
        finishedAt,
        durationMs: finishedAt.getTime() - run.startedAt.getTime(),
        awsErrors: result.awsErrors,
        failedRegions: result.failedRegions,
        accounts: result.accounts ?? null,
      })
      .where(eq(auditRuns.id, id));
    if (result.states) await storeAuditStates(tx, id, result.states, finishedAt);
  });
}

export async function latestAudit(db: Db): Promise<StoredAudit | undefined> {
  const run = await latestFinishedRun(db);
  if (!run) return undefined;
  const rows = await db.select().from(targetVerdicts).where(eq(targetVerdicts.auditId, run.id));
  return {
    run,
    verdicts: rows.map((r) => ({
      accountId: r.accountId,
      region: r.region,
      kind: r.kind,
      targetId: r.targetId,
      verdict: r.verdict,
      findings: r.findings,
    })),
  };
}
