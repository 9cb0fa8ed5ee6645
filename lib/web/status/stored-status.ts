import "server-only";
/**
 * What the status page shows, from the stored audit: the latest audit's age, one page of rows grouped by
 * account, and counts per verdict, all answered by SQL (target_states) so a 1,000-cluster estate costs a
 * page of rows, not the estate. Nothing here calls AWS.
 */
import type { StatusQuery } from "./status-query";
import { PAGE_SIZE, pageWindow } from "./status-query";
import type { Db } from "@/lib/adapters/db";
import { asUnavailable } from "@/lib/adapters/db/availability";
import { latestFinishedRun, runningAudit } from "@/lib/adapters/db/audit-runs";
import type { AuditRunRow } from "@/lib/adapters/db/audits";
import type { AuditedAccount } from "@/lib/adapters/db/schema";
import {
  countTargetStates,
  pageRows,
  storedRegions,
  type StateFilter,
  type VerdictCount,
} from "@/lib/adapters/db/target-state-queries";
import { VERDICT_LABELS, type Verdict } from "@/lib/core/readiness/types";
import type { NotRead } from "@/lib/core/readiness/csv";
import { storedNotRead } from "./stored-export";
import { StatusCache } from "./status-cache";
import { statusRowOf, type StatusRow } from "./status-row";

export type VerdictCounts = Record<Verdict, number>;

/** One account's heading: who it is, how its clusters stand, and what kept QueueReady out of it. */
export interface AccountGroup {
  accountId: string;
  name: string;
  /** The account could not be reached at all (e.g. its role cannot be assumed). */
  problem?: string;
  /** Reads that failed in its regions in the latest audit (`failed`: the whole region). */
  regionProblems: NonNullable<AuditedAccount["regionProblems"]>;
  /** Before the verdict, kind, engine and search filters. */
  counts: VerdictCounts;
  total: number;
  /** Matching the filters. */
  matching: number;
  stale: number;
  /** Its rows on this page. */
  rows: StatusRow[];
}

export interface StoredStatus {
  run: AuditRunRow;
  running?: AuditRunRow;
  /** Per verdict, under every filter but the verdict (the cards are the verdict filter). */
  summary: VerdictCounts;
  groups: AccountGroup[];
  accounts: { id: string; name: string }[];
  regions: string[];
  total: number;
  window: ReturnType<typeof pageWindow>;
  /** What the latest audit could not read, in the view's account and region (not counted in `summary`). */
  notRead: NotRead[];
  /** Accounts with stored rows that the latest audit did not cover at all: their rows are older. */
  absent: { id: string; name: string }[];
  /** The latest audit read nothing at all (the organization, or every account, could not be read). */
  readNothing: boolean;
}

const zero = (): VerdictCounts =>
  Object.fromEntries(Object.keys(VERDICT_LABELS).map((v) => [v, 0])) as VerdictCounts;

function tally(counts: VerdictCount[], accountId?: string): VerdictCounts {
  const out = zero();
  for (const c of counts)
    if ((!accountId || c.accountId === accountId) && c.verdict in out) out[c.verdict as Verdict] += c.count;
  return out;
}
const sum = (c: VerdictCounts) => Object.values(c).reduce((a, b) => a + b, 0);

export function stateFilterOf(query: StatusQuery): StateFilter {
  return {
    accountId: query.accountId,
    region: query.region,
    verdicts: query.verdicts,
    kind: query.kind,
    engine: query.engine,
    q: query.q,
  };
}

const cache = new StatusCache<Awaited<ReturnType<typeof loadStatus>>>();

/** The stored view for `query`, or the audit in progress when none has finished yet. */
export async function loadStoredStatus(
  db: Db,
  query: StatusQuery,
): Promise<{ ready: true; status: StoredStatus } | { ready: false; running?: AuditRunRow }> {
  // An outage (or a full pool queue) reaches the page as itself, which then says so, not as a crash.
  return cache
    .get(db, JSON.stringify(query), () => loadStatus(db, query))
    .catch((err: unknown) => Promise.reject(asUnavailable(err)));
}

async function loadStatus(
  db: Db,
  query: StatusQuery,
): Promise<{ ready: true; status: StoredStatus } | { ready: false; running?: AuditRunRow }> {
  const [run, running] = await Promise.all([latestFinishedRun(db), runningAudit(db)]);
  if (!run) return { ready: false, running };
  const filter = stateFilterOf(query);
  const scope: StateFilter = { accountId: query.accountId, region: query.region };
  // The counts give the matching total, so the page of rows is the only other read; without a verdict,
  // kind, engine or search filter the matching rows are the scope's, counted once.
  const searchNarrowed = Boolean(query.kind || query.engine || query.q);
  const narrowed = query.verdicts.length > 0 || searchNarrowed;
  const [scoped, narrowedCounts, searchedCounts, regions] = await Promise.all([
    countTargetStates(db, scope),
    narrowed ? countTargetStates(db, filter) : undefined,
    // The summary follows the search, kind and engine (not the verdict): a card counts what its link lists.
    searchNarrowed && query.verdicts.length > 0
      ? countTargetStates(db, { ...filter, verdicts: [] })
      : undefined,
    storedRegions(db),
  ]);
  const matching = narrowedCounts ?? scoped;
  const searched = searchedCounts ?? (searchNarrowed ? matching : scoped);
  const matchingTotal = matching.reduce((n, c) => n + c.count, 0);
  const window = pageWindow(matchingTotal, query.page);
  const page = { rows: await pageRows(db, filter, query.sort, window.current, PAGE_SIZE) };
  // The audit's account list (with problems) leads; accounts known only from rows (older audits) follow.
  const audited = run.accounts ?? [];
  const accounts = audited.map((a) => ({ ...a }));
  const absent: { id: string; name: string }[] = [];
  for (const c of scoped)
    if (!accounts.some((a) => a.id === c.accountId)) {
      accounts.push({ id: c.accountId, name: c.accountName });
      if (audited.length > 0) absent.push({ id: c.accountId, name: c.accountName });
    }
  // Not one account reached (the organization could not be listed, every role refused): nothing was read.
  const readNothing = audited.length > 0 && audited.every((a) => a.problem);
  const shown = accounts.filter((a) => !query.accountId || a.id === query.accountId);
  const groups = shown.map((a): AccountGroup => {
    const counts = tally(scoped, a.id);
    return {
      accountId: a.id,
      name: a.name,
      problem: "problem" in a ? a.problem : undefined,
      regionProblems: ("regionProblems" in a ? (a.regionProblems ?? []) : []).filter(
        (p) => !query.region || p.region === query.region,
      ),
      counts,
      total: sum(counts),
      matching: sum(tally(matching, a.id)),
      stale: scoped.filter((c) => c.accountId === a.id).reduce((n, c) => n + c.stale, 0),
      rows: page.rows.filter((r) => r.accountId === a.id).map(statusRowOf),
    };
  });
  // Accounts with rows on this page, in row order; accounts with nothing to list show on the first page.
  const order = [...new Set(page.rows.map((r) => r.accountId))];
  const listed = order.flatMap((id) => groups.filter((g) => g.accountId === id));
  const empty = window.current === 1 ? groups.filter((g) => g.matching === 0) : [];
  return {
    ready: true,
    status: {
      run,
      running,
      summary: tally(searched),
      groups: [...listed, ...empty],
      accounts: accounts.map(({ id, name }) => ({ id, name })),
      regions,
      total: matchingTotal,
      window,
      notRead: storedNotRead(run, query),
      absent: absent.filter((a) => !query.accountId || a.id === query.accountId),
      readNothing,
    },
  };
}
