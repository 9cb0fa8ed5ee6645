/**
 * The status page's filters and sort, carried in the URL (`?verdict=needs-changes&engine=redis&q=orders&sort=name`)
 * so every view has an address to share and the table is filtered on the server: the page ships no table code.
 * The same query drives the exports, so a download holds exactly the rows on screen.
 */
import type { Engine } from "@/lib/core/model/resources";
import { VERDICT_LABELS, type ClusterAudit, type Verdict } from "@/lib/core/readiness/types";

export type SortKey = "name" | "verdict" | "engine" | "findings";

export const SORT_LABELS: Record<SortKey, string> = {
  name: "Name",
  verdict: "Verdict (most urgent first)",
  engine: "Engine and version",
  findings: "Most findings first",
};

export const DEFAULT_SORT: SortKey = "verdict";

export const ENGINES: readonly Engine[] = ["redis", "valkey", "memcached"];

export interface AuditQuery {
  /** Empty means every verdict. */
  verdicts: Verdict[];
  engine?: Engine;
  /** Lower-cased free text, matched against name, VPC, parameter group, policy and engine version. */
  q: string;
  sort: SortKey;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** Verdicts in the order a person acts on them: fix what needs changes, then find out what is unknown. */
export const URGENCY: readonly Verdict[] = [
  "needs-changes",
  "unknown",
  "incompatible",
  "ready",
  "not-applicable",
];

function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function isVerdict(v: string): v is Verdict {
  return Object.hasOwn(VERDICT_LABELS, v);
}

/** Reads the query from search params; unknown values are dropped rather than failing the page. */
export function parseAuditQuery(params: SearchParams): AuditQuery {
  const verdicts = [...new Set(all(params.verdict).filter(isVerdict))];
  const engine = all(params.engine).find((e): e is Engine => (ENGINES as readonly string[]).includes(e));
  const q = (all(params.q)[0] ?? "").trim().toLowerCase().slice(0, 100);
  const sortParam = all(params.sort)[0];
  // Most urgent first unless asked otherwise: the rows to act on lead (issue 9 item 19).
  const sort = sortParam && Object.hasOwn(SORT_LABELS, sortParam) ? (sortParam as SortKey) : DEFAULT_SORT;
  return { verdicts, engine, q, sort };
}

export function isFiltered(query: AuditQuery): boolean {
  return query.verdicts.length > 0 || query.engine !== undefined || query.q !== "";
}

function haystack(c: ClusterAudit): string {
  return [
    c.name,
    c.vpcId,
    c.parameterGroup?.name,
    c.parameterGroup?.policy,
    c.engine,
    c.engineVersion,
    c.engine && c.engineVersion ? `${c.engine} ${c.engineVersion}` : undefined,
  ]
    .filter(Boolean)
    .join("\n")
    .toLowerCase();
}

function problems(c: ClusterAudit): number {
  return (
    c.findings.filter((f) => f.severity === "fail" || f.severity === "unknown").length * 100 +
    c.findings.filter((f) => f.severity === "warn").length
  );
}

/** Numeric-aware version order, so 7.10 sorts after 7.2. */
const collator = new Intl.Collator("en", { numeric: true });

const COMPARE: Record<SortKey, (a: ClusterAudit, b: ClusterAudit) => number> = {
  name: () => 0,
  verdict: (a, b) => URGENCY.indexOf(a.verdict) - URGENCY.indexOf(b.verdict),
  engine: (a, b) =>
    collator.compare(a.engine ?? "~", b.engine ?? "~") ||
    collator.compare(b.engineVersion ?? "", a.engineVersion ?? ""),
  findings: (a, b) => problems(b) - problems(a),
};

/** The rows to show: filtered, then sorted by the chosen key with the name (then region) breaking ties. */
export function applyAuditQuery(clusters: readonly ClusterAudit[], query: AuditQuery): ClusterAudit[] {
  const rows = clusters.filter(
    (c) =>
      (query.verdicts.length === 0 || query.verdicts.includes(c.verdict)) &&
      (query.engine === undefined || c.engine === query.engine) &&
      (query.q === "" || haystack(c).includes(query.q)),
  );
  const byKey = COMPARE[query.sort];
  return rows.sort(
    (a, b) => byKey(a, b) || collator.compare(a.name, b.name) || a.region.localeCompare(b.region),
  );
}

/** The query as search params (region params are the caller's, so they can come first). */
export function queryParams(query: AuditQuery, overrides: Partial<AuditQuery> = {}): [string, string][] {
  const q = { ...query, ...overrides };
  return [
    ...q.verdicts.map((v): [string, string] => ["verdict", v]),
    ...(q.engine ? [["engine", q.engine] as [string, string]] : []),
    ...(q.q ? [["q", q.q] as [string, string]] : []),
    ...(q.sort !== DEFAULT_SORT ? [["sort", q.sort] as [string, string]] : []),
  ];
}
