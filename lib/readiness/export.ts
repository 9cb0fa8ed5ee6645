/**
 * The audit as files: JSON (everything, for machines and the CLI's --json) and CSV (one row per cluster, for
 * spreadsheets). CSV cells are quoted when they hold a comma, quote or line break, and cells that a spreadsheet
 * would run as a formula are defused with a leading apostrophe.
 */
import { SEVERITY_ORDER, VERDICT_LABELS, type ClusterAudit, type RegionAudit, type Verdict } from "./types";

export interface AuditExport {
  generatedAt: string;
  summary: Record<Verdict, number>;
  regions: RegionAudit[];
}

/** Counts per verdict, every verdict present (zeros included) so the page's summary never has holes. */
export function countVerdicts(clusters: ClusterAudit[]): Record<Verdict, number> {
  const counts = Object.fromEntries(Object.keys(VERDICT_LABELS).map((v) => [v, 0])) as Record<
    Verdict,
    number
  >;
  for (const c of clusters) counts[c.verdict]++;
  return counts;
}

export function toExport(
  regions: RegionAudit[],
  generatedAt: string = new Date().toISOString(),
): AuditExport {
  return { generatedAt, summary: countVerdicts(regions.flatMap((r) => r.clusters)), regions };
}

export function exportJson(regions: RegionAudit[], generatedAt?: string): string {
  return `${JSON.stringify(toExport(regions, generatedAt), null, 2)}\n`;
}

export const CSV_COLUMNS = [
  "account_id",
  "region",
  "name",
  "kind",
  "verdict",
  "engine",
  "engine_version",
  "status",
  "vpc_id",
  "port",
  "parameter_group",
  "maxmemory_policy",
  "fails",
  "warnings",
  "unknowns",
  "findings",
] as const;

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

function row(c: ClusterAudit): (string | number | undefined)[] {
  const count = (s: string) => c.findings.filter((f) => f.severity === s).length;
  const findings = c.findings
    .filter((f) => f.severity !== "pass")
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))
    .map((f) => `[${f.severity}] ${f.ruleId}: ${f.title}`)
    .join(" | ");
  return [
    c.accountId,
    c.region,
    c.name,
    c.kind,
    c.verdict,
    c.engine,
    c.engineVersion,
    c.status,
    c.vpcId,
    c.port,
    c.parameterGroup?.name,
    c.parameterGroup?.policy,
    count("fail"),
    count("warn"),
    count("unknown"),
    findings,
  ];
}

/** RFC 4180 CSV with CRLF line ends and a header row. */
export function exportCsv(regions: RegionAudit[]): string {
  const lines = [
    CSV_COLUMNS.join(","),
    ...regions.flatMap((r) => r.clusters).map((c) => row(c).map(csvCell).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
