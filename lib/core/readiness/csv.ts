/**
 * The one CSV layout of an audit, shared by the CLI's live audit and the app's stored state so a spreadsheet
 * built on one export reads the other. Each column is its header and its cell together, so the two can
 * never drift apart. Cells are quoted when they hold a comma, quote or line break, and cells a spreadsheet
 * would run as a formula are defused with a leading apostrophe.
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

export const CSV_COLUMNS: readonly string[] = COLUMNS.map(([header]) => header);

export function csvCell(value: Cell): string {
  if (value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends and a header row. */
export function toCsv(clusters: readonly CsvCluster[]): string {
  const lines = [
    CSV_COLUMNS.join(","),
    ...clusters.map((c) => COLUMNS.map(([, cell]) => csvCell(cell(c))).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
