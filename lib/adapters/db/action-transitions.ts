/**
 * A change an action made (an apply, a revert or an undo in the app) goes on the target's timeline when
 * the action's closing read sees it, not at the next scheduled audit: the same rule as an audit's, against
 * the target's latest event, under the same lock, so the audit that follows finds nothing new to record.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "./open";
import type { TargetEventRow, TargetVerdictRow } from "./records";
import { targetEvents } from "./schema";
import { TRANSITIONS_LOCK, type TransitionRule } from "./target-events";

/**
 * Records the event `verdict` makes for one target read outside an audit, or none. A target with no
 * timeline yet is left to the audit: its first sighting is the audit's to record (and not to notify).
 */
export async function recordTargetTransition(
  db: Db,
  verdict: TargetVerdictRow,
  at: Date,
  transitionOf: TransitionRule,
): Promise<TargetEventRow | undefined> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${TRANSITIONS_LOCK})`);
    const [last] = await tx
      .select()
      .from(targetEvents)
      .where(
        and(
          eq(targetEvents.accountId, verdict.accountId),
          eq(targetEvents.region, verdict.region),
          eq(targetEvents.kind, verdict.kind),
          eq(targetEvents.targetId, verdict.targetId),
        ),
      )
      .orderBy(desc(targetEvents.at))
      .limit(1);
    if (!last) return undefined;
    const change = transitionOf(
      { verdict: last.verdictAfter, findings: last.findings },
      { verdict: verdict.verdict, findings: verdict.findings },
    );
    if (!change) return undefined;
    const row: TargetEventRow = {
      id: randomUUID(),
      accountId: verdict.accountId,
      region: verdict.region,
      kind: verdict.kind,
      targetId: verdict.targetId,
      auditId: null,
      ...change,
      at,
      since: last.at,
      cause: null,
      causeCheckedAt: null,
    };
    await tx.insert(targetEvents).values(row);
    return row;
  });
}
