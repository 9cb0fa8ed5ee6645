/**
 * The one CSV layout of an audit, shared by the CLI's live audit and the app's stored state so a spreadsheet
 * built on one export reads the other. Each column is its header and its cell together, so the two can
 * never drift apart. Every data cell is quoted, so no separator inside one (a comma, or the `;` of locales
 * that split on it) starts another, and what a spreadsheet would run as a formula is defused with an
 * apostrophe: at the start of the cell, and after a `;`, tab or line break inside it, in case an importer
 * splits there regardless of the quotes (`pay;=1+2;`).
 */
import { ownerLabel } from "@/lib/core/model/ownership";
import { SEVERITY_ORDER, type Owner, type Severity } from "./types";

type Cell = string | number | undefined;

/** One cluster as a CSV row, whichever audit it comes from. */
export interface CsvCluster {
  accountId: string;
  accountName: string;
  region: string;
  name: string;
  kind: string;
  verdict: string;
  engine?: string;
  engineVersion?: string;
  status: string;
  vpcId?: string;
  port?: number;
  parameterGroup?: string;
  policy?: string;
  /** Who owns it; absent or null: nobody. */
  owner?: Owner | null;
  findings: readonly { ruleId: string; severity: string; title: string }[];
  /** When this cluster was read (ISO 8601). */
  auditedAt: string;
  /** Why a stored row is older than its audit (its account or region could not be read); empty when live. */
  staleReason?: string;
}

const count = (c: CsvCluster, severity: Severity) => c.findings.filter((f) => f.severity === severity).length;
const rank = (severity: string) => SEVERITY_ORDER.indexOf(severity as Severity);

/** Every finding but the passes, most severe first, on one line. */
function findingsCell(c: CsvCluster): string {
  return c.findings
    .filter((f) => f.severity !== "pass")
    .sort((a, b) => rank(a.severity) - rank(b.severity))
    .map((f) => `[${f.severity}] ${f.ruleId}: ${f.title}`)
    .join(" | ");
}

/** `cloudformation orders-cache/OrdersReplicationGroup`, `terraform module.x.aws_...`, `unknown: why`. */
function ownerCell(c: CsvCluster): string {
  if (c.owner?.tool === "unknown") return `unknown: ${c.owner.evidence}`;
  return ownerLabel(c.owner);
}

const COLUMNS: readonly (readonly [string, (c: CsvCluster) => Cell])[] = [
  ["account_id", (c) => c.accountId],
  ["account_name", (c) => c.accountName],
  ["region", (c) => c.region],
  ["name", (c) => c.name],
  ["kind", (c) => c.kind],
  ["verdict", (c) => c.verdict],
  ["engine", (c) => c.engine],
  ["engine_version", (c) => c.engineVersion],
  ["status", (c) => c.status],
  ["vpc_id", (c) => c.vpcId],
  ["port", (c) => c.port],
  ["parameter_group", (c) => c.parameterGroup],
  ["maxmemory_policy", (c) => c.policy],
  ["owner", ownerCell],
  ["fails", (c) => count(c, "fail")],
  ["warnings", (c) => count(c, "warn")],
  ["unknowns", (c) => count(c, "unknown")],
  ["findings", findingsCell],
  ["audited_at", (c) => c.auditedAt],
  ["stale_reason", (c) => c.staleReason],
];

/** An account, or one region of it, that the audit could not read: its clusters are not in the rows. */
export interface NotRead {
  accountId: string;
  accountName: string;
  /** Absent when the whole account could not be read and no region was tried. */
  region?: string;
  reason: string;
  /** When the audit tried (ISO 8601). */
  auditedAt: string;
}

/**
 * What could not be read, as a row of its own so a spreadsheet counts it: no name, kind `not-read`,
 * verdict `unknown`, status `not read`, and the reason as its one Unknown finding (rule `not-read`).
 */
export function notReadCsvRow(n: NotRead): CsvCluster {
  return {
    accountId: n.accountId,
    accountName: n.accountName,
    region: n.region ?? "",
    name: "",
    kind: "not-read",
    verdict: "unknown",
    status: "not read",
    findings: [{ ruleId: "not-read", severity: "unknown", title: n.reason }],
    auditedAt: n.auditedAt,
  };
}

export const CSV_COLUMNS: readonly string[] = COLUMNS.map(([header]) => header);

/** What starts a formula (or a DDE call) in Excel, LibreOffice or Google Sheets, or a cell that hides one. */
const FORMULA_START = /^[=+\-@\t\r\n;]/;
/** The same after a separator some importers split on even inside quotes. */
const FORMULA_AFTER_SEPARATOR = /([;\t\r\n])(?=[=+\-@])/g;

export function csvCell(value: Cell): string {
  let text = value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  text = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * RFC 4180 CSV with CRLF line ends and a header row (our own names, left bare), every data cell quoted;
 * what could not be read comes first.
 */
export function toCsv(clusters: readonly CsvCluster[], notRead: readonly NotRead[] = []): string {
  const lines = [
    CSV_COLUMNS.join(","),
    ...[...notRead.map(notReadCsvRow), ...clusters].map((c) =>
      COLUMNS.map(([, cell]) => csvCell(cell(c))).join(","),
    ),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
