/**
 * The status page's view in the URL (`?account=…&region=…&verdict=…&kind=…&engine=…&q=…&sort=…&page=2`):
 * every filter and the page have an address to share, the server filters and pages in SQL, and the exports
 * take the same parameters so a download holds the filtered rows (all of them, not one page).
 */
import type { Engine } from "@/lib/core/model/resources";
import { isAccountId, isRegionName, TARGET_KINDS, type TargetKind } from "@/lib/core/identity/identity";
import { VERDICT_LABELS, type Verdict } from "@/lib/core/readiness/types";
export type SortKey = "name" | "verdict" | "engine" | "findings";

export const SORT_LABELS: Record<SortKey, string> = {
  name: "Name",
  verdict: "Verdict (most urgent first)",
  engine: "Engine and version",
  findings: "Most findings first",
};

export const DEFAULT_SORT: SortKey = "verdict";

export const ENGINES: readonly Engine[] = ["redis", "valkey", "memcached"];

export type SearchParams = Record<string, string | string[] | undefined>;

/** Rows per page, as the AWS console shows them. */
export const PAGE_SIZE = 50;

export interface StatusQuery {
  accountId?: string;
  region?: string;
  /** Empty means every verdict. */
  verdicts: Verdict[];
  kind?: TargetKind;
  engine?: Engine;
  /** Lower-cased free text, matched as a substring of name, VPC, group, policy and engine version. */
  q: string;
  sort: SortKey;
  /** 1-based. */
  page: number;
}

function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
const first = (value: string | string[] | undefined) => all(value)[0]?.trim() ?? "";
const oneOf = <T extends string>(list: readonly T[], v: string): T | undefined =>
  (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** The message for a search the database cannot hold: PostgreSQL refuses a NUL in any text value. */
export const NUL_SEARCH_MESSAGE =
  "The search holds a NUL character (%00), which no name contains: remove it and search again.";

/**
 * Why these params cannot be answered at all (the page and the export say so with a 400), or undefined.
 * Only what would fail below is refused here; anything else invalid is dropped by parseStatusQuery.
 */
export function statusQueryProblem(params: SearchParams): string | undefined {
  return all(params.q).some((v) => v.includes("\u0000")) ? NUL_SEARCH_MESSAGE : undefined;
}

/** Reads the view from search params; what is not valid is dropped rather than failing the page. */
export function parseStatusQuery(params: SearchParams): StatusQuery {
  const account = first(params.account);
  const region = first(params.region);
  const page = Number(first(params.page) || "1");
  return {
    accountId: isAccountId(account) ? account : undefined,
    region: isRegionName(region) ? region : undefined,
    verdicts: [...new Set(all(params.verdict).filter((v): v is Verdict => Object.hasOwn(VERDICT_LABELS, v)))],
    kind: oneOf(TARGET_KINDS, first(params.kind)),
    engine: oneOf(ENGINES, first(params.engine)),
    // Never a NUL into SQL, even from a caller that did not ask statusQueryProblem first.
    q: first(params.q).replaceAll("\u0000", "").toLowerCase().slice(0, 100),
    sort: oneOf(Object.keys(SORT_LABELS) as SortKey[], first(params.sort)) ?? DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export function isFilteredView(query: StatusQuery): boolean {
  return (
    query.accountId !== undefined ||
    query.region !== undefined ||
    query.verdicts.length > 0 ||
    query.kind !== undefined ||
    query.engine !== undefined ||
    query.q !== ""
  );
}

/** The view's search string (`?…`, or "" for the default view); a changed filter goes back to page 1. */
export function statusSearch(query: StatusQuery, overrides: Partial<StatusQuery> = {}): string {
  const filterChanged = Object.keys(overrides).some((k) => k !== "page");
  const q = { ...query, page: filterChanged ? 1 : query.page, ...overrides };
  const params = new URLSearchParams();
  if (q.accountId) params.append("account", q.accountId);
  if (q.region) params.append("region", q.region);
  for (const v of q.verdicts) params.append("verdict", v);
  if (q.kind) params.append("kind", q.kind);
  if (q.engine) params.append("engine", q.engine);
  if (q.q) params.append("q", q.q);
  if (q.sort !== DEFAULT_SORT) params.append("sort", q.sort);
  if (q.page > 1) params.append("page", String(q.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The first and last row numbers shown, and how many pages the filtered rows fill. */
export function pageWindow(total: number, page: number, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(page, pages);
  const from = total === 0 ? 0 : (current - 1) * size + 1;
  return { pages, current, from, to: Math.min(total, current * size) };
}

/** The export of every row the view's filters match (not just its page). */
export function exportHref(query: StatusQuery, format: "csv" | "json"): string {
  const search = statusSearch(query, { page: 1 });
  return `/api/audit/export${search ? `${search}&` : "?"}format=${format}`;
}
