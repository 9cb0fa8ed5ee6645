/**
 * The targets' timelines (target_events): written inside the audit's finishing transaction, so an audit
 * and the changes it saw commit together, and read by the detail page, the 24 h view and the notifier.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Transition, VerdictSnapshot } from "@/lib/core/alerts/transitions";
import { targetKey } from "@/lib/core/identity/identity";
import type { TargetEventRow, TargetVerdictRow } from "./records";
import type { Db } from "./open";
import { auditRuns, targetEvents, targetVerdicts } from "./schema";

export type { TargetEventRow };

/** The rule that turns a target's last recorded state and its new verdict into an event (or none). */
export type TransitionRule = (
  before: VerdictSnapshot | undefined,
  after: VerdictSnapshot,
) => Transition | null;

const key = (t: { accountId: string; region: string; kind: string; targetId: string }) =>
  targetKey({ ...t, id: t.targetId });

// Two audits of different slots may finish at once (a slow audit overlapping the next slot): they take
// turns here, so each compares against the other's events and a change is recorded once.
export const TRANSITIONS_LOCK = 7_310_412;

/** Writes the events this audit's verdicts make against each target's latest event; returns them. */
export async function recordTransitions(
  tx: Db,
  audit: { id: string; startedAt: Date; at: Date },
  verdicts: TargetVerdictRow[],
  transitionOf: TransitionRule,
): Promise<TargetEventRow[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(${TRANSITIONS_LOCK})`);
  const latest = await tx
    .selectDistinctOn([targetEvents.accountId, targetEvents.region, targetEvents.kind, targetEvents.targetId])
    .from(targetEvents)
    .orderBy(
      targetEvents.accountId,
      targetEvents.region,
      targetEvents.kind,
      targetEvents.targetId,
      desc(targetEvents.at),
    );
  const before = new Map(latest.map((e) => [key(e), e]));
  const previous = await previousVerdicts(tx, audit);
  const rows: TargetEventRow[] = [];
  for (const v of verdicts) {
    const last = before.get(key(v));
    const change = transitionOf(last && { verdict: last.verdictAfter, findings: last.findings }, {
      verdict: v.verdict,
      findings: v.findings,
    });
    if (!change) continue;
    // The cause window opens when the target was last read as before: the previous audit if it read it
    // so, else the last event (it has been that way at least since then).
    const prev = previous.verdicts.get(key(v));
    const since = last
      ? prev === last.verdictAfter && previous.startedAt
        ? previous.startedAt
        : last.at
      : null;
    rows.push({
      id: randomUUID(),
      accountId: v.accountId,
      region: v.region,
      kind: v.kind,
      targetId: v.targetId,
      auditId: audit.id,
      ...change,
      at: audit.at,
      since,
      cause: null,
      causeCheckedAt: null,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(targetEvents).values(rows.slice(i, i + 500));
  return rows;
}

async function previousVerdicts(
  tx: Db,
  audit: { id: string; at: Date },
): Promise<{ startedAt?: Date; verdicts: Map<string, string> }> {
  const [run] = await tx
    .select({ id: auditRuns.id, startedAt: auditRuns.startedAt })
    .from(auditRuns)
    .where(and(isNotNull(auditRuns.finishedAt), lt(auditRuns.finishedAt, audit.at)))
    .orderBy(desc(auditRuns.finishedAt))
    .limit(1);
  if (!run || run.id === audit.id) return { verdicts: new Map() };
  const rows = await tx.select().from(targetVerdicts).where(eq(targetVerdicts.auditId, run.id));
  return { startedAt: run.startedAt, verdicts: new Map(rows.map((r) => [key(r), r.verdict])) };
}

/** One target's timeline, oldest first. */
export async function targetTimeline(
  db: Db,
  ref: { accountId?: string; region: string; kind: string; targetId: string },
): Promise<TargetEventRow[]> {
  return db
    .select()
    .from(targetEvents)
    .where(
      and(
        ref.accountId ? eq(targetEvents.accountId, ref.accountId) : undefined,
        eq(targetEvents.region, ref.region),
        eq(targetEvents.kind, ref.kind),
        eq(targetEvents.targetId, ref.targetId),
      ),
    )
    .orderBy(asc(targetEvents.at));
}

/** Every target's events since `from`, newest first (the "changed in the last 24 h" view). */
export async function eventsSince(db: Db, from: Date, limit = 500): Promise<TargetEventRow[]> {
  return db
    .select()
    .from(targetEvents)
    .where(gte(targetEvents.at, from))
    .orderBy(desc(targetEvents.at), asc(targetEvents.targetId))
    .limit(limit);
}

export async function eventById(db: Db, id: string): Promise<TargetEventRow | undefined> {
  const [row] = await db.select().from(targetEvents).where(eq(targetEvents.id, id));
  return row;
}

/** Stores the cause lookup's answer (an empty list: AWS said nothing in the window). */
export async function storeCause(
  db: Db,
  id: string,
  cause: NonNullable<TargetEventRow["cause"]>,
  checkedAt = new Date(),
): Promise<void> {
  await db.update(targetEvents).set({ cause, causeCheckedAt: checkedAt }).where(eq(targetEvents.id, id));
}

/**
 * The baseline audit: the first that recorded any event. Its events describe the estate as QueueReady
 * found it, not changes: they fill the timelines but are neither notified nor explained.
 */
export const BASELINE_AUDIT = sql`(select audit_id from target_events
  where audit_id is not null order by at, audit_id limit 1)`;

/**
 * Claims events whose cause nobody has looked up (or whose lookup stalled `staleMs` ago), so one replica
 * asks AWS once per event: `causeCheckedAt` is set now, `cause` when the answer is stored. A target seen
 * ready for the first time and the baseline's events need no cause (thousands of lookups at a first start
 * would only be throttled).
 */
export async function claimCauseLookups(
  db: Db,
  opts: { from: Date; now: Date; staleMs: number; limit: number },
): Promise<TargetEventRow[]> {
  const now = opts.now.toISOString();
  const stale = new Date(opts.now.getTime() - opts.staleMs).toISOString();
  const open = sql`${targetEvents.cause} is null and ${targetEvents.at} >= ${opts.from.toISOString()}::timestamptz
    and (${targetEvents.causeCheckedAt} is null or ${targetEvents.causeCheckedAt} < ${stale}::timestamptz)`;
  return db
    .update(targetEvents)
    .set({ causeCheckedAt: new Date(now) })
    .where(
      and(
        open,
        sql`${targetEvents.id} in (select id from target_events
          where cause is null and at >= ${opts.from.toISOString()}::timestamptz
            and (cause_checked_at is null or cause_checked_at < ${stale}::timestamptz)
            and event <> 'first-seen' and audit_id is distinct from ${BASELINE_AUDIT}
          order by at limit ${opts.limit} for update skip locked)`,
      ),
    )
    .returning();
}
