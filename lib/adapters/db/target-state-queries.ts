/**
 * Reads of the stored per-target state for the status page and the exports: filtered, sorted and paged in
 * SQL (the page never loads the whole estate), and counted per account and verdict in SQL.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "./open";
import { targetStates } from "./schema";

export type StoredTargetState = typeof targetStates.$inferSelect;

/** Everything optional: absent means "all". `q` is matched as a plain substring (no wildcards). */
export interface StateFilter {
  accountId?: string;
  region?: string;
  verdicts?: string[];
  kind?: string;
  engine?: string;
  q?: string;
}

export type StateSort = "name" | "verdict" | "engine" | "findings";

const t = targetStates;

/** LIKE treats % and _ as wildcards: a search for "a_b" means those three characters. */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function whereOf(f: StateFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.accountId ? eq(t.accountId, f.accountId) : undefined,
    f.region ? eq(t.region, f.region) : undefined,
    f.verdicts && f.verdicts.length > 0 ? inArray(t.verdict, f.verdicts) : undefined,
    f.kind ? eq(t.kind, f.kind) : undefined,
    f.engine ? eq(t.engine, f.engine) : undefined,
    f.q ? sql`${t.search} like ${likePattern(f.q)} escape '\\'` : undefined,
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}

/** Grouped by account (name, then id) so the page can head each account's rows; then the chosen key. */
function orderOf(sort: StateSort): SQL[] {
  const key: Record<StateSort, SQL[]> = {
    name: [],
    verdict: [asc(t.urgency)],
    engine: [sql`${t.engine} asc nulls last`, desc(t.engineVersion)],
    findings: [desc(t.weight)],
  };
  return [asc(t.accountName), asc(t.accountId), ...key[sort], asc(t.targetId), asc(t.region), asc(t.kind)];
}

export interface StatePage {
  rows: StoredTargetState[];
  /** Rows matching the filter, across all pages. */
  total: number;
}

/** One page of rows (page 1 first) and the matching total. */
export async function pageTargetStates(
  db: Db,
  filter: StateFilter,
  sort: StateSort,
  page: number,
  pageSize: number,
): Promise<StatePage> {
  const where = whereOf(filter);
  const [rows, [counted]] = await Promise.all([
    pageRows(db, filter, sort, page, pageSize),
    db.select({ n: count() }).from(t).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** One page of rows only, for a caller that already knows the total (from its counts). */
export function pageRows(
  db: Db,
  filter: StateFilter,
  sort: StateSort,
  page: number,
  pageSize: number,
): Promise<StoredTargetState[]> {
  return db
    .select()
    .from(t)
    .where(whereOf(filter))
    .orderBy(...orderOf(sort))
    .limit(pageSize)
    .offset(Math.max(0, page - 1) * pageSize);
}

/** Every matching row, for the exports (which give everything, not a page). */
export function allTargetStates(db: Db, filter: StateFilter, sort: StateSort): Promise<StoredTargetState[]> {
  return db
    .select()
    .from(t)
    .where(whereOf(filter))
    .orderBy(...orderOf(sort));
}

export interface VerdictCount {
  accountId: string;
  accountName: string;
  verdict: string;
  count: number;
  /** Of those, rows kept from an earlier audit because their account-region could not be read. */
  stale: number;
}

/** Counts per account and verdict of the rows matching `filter`. */
export async function countTargetStates(db: Db, filter: StateFilter): Promise<VerdictCount[]> {
  const rows = await db
    .select({
      accountId: t.accountId,
      accountName: t.accountName,
      verdict: t.verdict,
      count: count(),
      stale: sql<number>`count(${t.staleReason})`.mapWith(Number),
    })
    .from(t)
    .where(whereOf(filter))
    .groupBy(t.accountId, t.accountName, t.verdict)
    .orderBy(asc(t.accountName), asc(t.accountId));
  return rows;
}

/** The distinct regions with stored rows, for the region filter. */
export async function storedRegions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ region: t.region }).from(t).orderBy(asc(t.region));
  return rows.map((r) => r.region);
}
