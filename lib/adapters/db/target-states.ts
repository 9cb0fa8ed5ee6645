/**
 * Writes of the stored per-target state (`target_states`): the rows the status page pages and filters.
 * An audit replaces what it read in the same transaction that finishes it; an account-region it could not
 * read keeps its last rows, marked stale with the reason; one target is re-read after an apply, undo or
 * verify so the page shows the change at once.
 */
import type { Owner } from "@/lib/core/model/ownership";
import { and, eq, getTableColumns, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "./open";
import { targetStates } from "./schema";
import { bumpStatusVersion } from "./status-version";
import { jsonRows } from "./json-rows";

export interface StoredFinding {
  ruleId: string;
  severity: string;
  title: string;
}

/** One target as an audit saw it: everything a status row shows. */
export interface TargetStateInput {
  accountId: string;
  accountName: string;
  region: string;
  kind: string;
  targetId: string;
  verdict: string;
  engine?: string;
  engineVersion?: string;
  status: string;
  topology: string;
  vpcId?: string;
  vpcName?: string;
  port?: number;
  parameterGroup?: string;
  policy?: string;
  /** Non-passing findings, most severe first. */
  findings: StoredFinding[];
  /** Who owns the target; null or absent: nobody (or not told). */
  owner?: Owner | null;
}

/** An account-region the audit tried: fully read, or failed with the reason people see. */
export interface AuditedScope {
  accountId: string;
  region: string;
  failed?: string;
}

/** Verdicts by urgency: what to act on first (the default sort). */
export const URGENCY = ["needs-changes", "unknown", "incompatible", "ready", "not-applicable"] as const;

export function urgencyOf(verdict: string): number {
  const i = (URGENCY as readonly string[]).indexOf(verdict);
  return i < 0 ? URGENCY.length : i;
}

/** fails and unknowns weigh 100, warnings 1: "most findings first". */
export function weightOf(findings: StoredFinding[]): number {
  const count = (s: string[]) => findings.filter((f) => s.includes(f.severity)).length;
  return count(["fail", "unknown"]) * 100 + count(["warn"]);
}

/** What the search box matches: lower-cased name, VPC (id and name), group, policy and engine version. */
export function searchTextOf(t: TargetStateInput): string {
  const engine = t.engine && t.engineVersion ? `${t.engine} ${t.engineVersion}` : t.engine;
  // The owner's stack or address too: "which clusters does stack X own" is a search.
  return [
    t.targetId,
    t.vpcId,
    t.vpcName,
    t.parameterGroup,
    t.policy,
    engine,
    t.owner?.stack,
    t.owner?.address,
  ]
    .filter(Boolean)
    .join("\n")
    .toLowerCase();
}

function rowOf(t: TargetStateInput, auditId: string | null, at: Date) {
  return {
    ...t,
    engine: t.engine ?? null,
    engineVersion: t.engineVersion ?? null,
    vpcId: t.vpcId ?? null,
    vpcName: t.vpcName ?? null,
    port: t.port ?? null,
    parameterGroup: t.parameterGroup ?? null,
    policy: t.policy ?? null,
    owner: t.owner ?? null,
    urgency: urgencyOf(t.verdict),
    weight: weightOf(t.findings),
    search: searchTextOf(t),
    auditId,
    auditedAt: at,
    firstSeenAt: at,
    staleReason: null,
  };
}

const CHUNK = 300;
// The key, and when the target was first seen, never change on a later sighting.
const KEEP = new Set(["accountId", "region", "kind", "targetId", "firstSeenAt"]);

/** Inserts or replaces targets' rows; a row already there keeps when it was first seen. */
export async function upsertTargetStates(
  db: Db,
  targets: TargetStateInput[],
  auditId: string | null,
  at: Date,
): Promise<void> {
  const ex = (column: string) => sql.raw(`excluded.${column}`);
  for (let i = 0; i < targets.length; i += CHUNK) {
    await db
      .insert(targetStates)
      .select(
        jsonRows(
          targetStates,
          targets.slice(i, i + CHUNK).map((t) => rowOf(t, auditId, at)),
        ),
      )
      .onConflictDoUpdate({
        target: [targetStates.accountId, targetStates.region, targetStates.kind, targetStates.targetId],
        set: Object.fromEntries(
          Object.entries(getTableColumns(targetStates))
            .filter(([key]) => !KEEP.has(key))
            .map(([key, col]) => [key, ex(col.name)]),
        ),
      });
  }
  // After the rows, never before: outside a transaction a reader must not see the new count with old rows.
  await bumpStatusVersion(db);
}

/**
 * The audit's part in its finishing transaction: its targets replace the stored ones; in each fully read
 * account-region, targets it did not see are gone; in each failed one, the old rows stay, marked stale.
 */
export async function storeAuditStates(
  tx: Db,
  auditId: string,
  result: { targets: TargetStateInput[]; scopes: AuditedScope[] },
  at: Date,
): Promise<void> {
  await upsertTargetStates(tx, result.targets, auditId, at);
  const notThisAudit = or(isNull(targetStates.auditId), ne(targetStates.auditId, auditId));
  for (const s of result.scopes) {
    const where = and(
      eq(targetStates.accountId, s.accountId),
      eq(targetStates.region, s.region),
      notThisAudit,
    );
    if (s.failed) await tx.update(targetStates).set({ staleReason: s.failed }).where(where);
    else await tx.delete(targetStates).where(where);
  }
  await bumpStatusVersion(tx);
}

/** One target re-read outside an audit (after an apply, undo or verify): its row, or its removal. */
export async function replaceTargetState(
  db: Db,
  key: { accountId: string; region: string; kind: string; targetId: string },
  state: TargetStateInput | undefined,
  at = new Date(),
): Promise<void> {
  if (state) return upsertTargetStates(db, [state], null, at);
  await db
    .delete(targetStates)
    .where(
      and(
        eq(targetStates.accountId, key.accountId),
        eq(targetStates.region, key.region),
        eq(targetStates.kind, key.kind),
        eq(targetStates.targetId, key.targetId),
      ),
    );
  await bumpStatusVersion(db);
}
