/**
 * The stored audit as files: every row the filters match (not a page), each with its account id and name.
 * CSV for spreadsheets (cells quoted and formula-defused by lib/readiness's csvCell), JSON for machines.
 */
import type { AuditRunRow } from "@/lib/db/audits";
import type { StoredTargetState } from "@/lib/db/target-state-queries";
import { csvCell } from "@/lib/readiness/export";
import { VERDICT_LABELS, type Verdict } from "@/lib/readiness/types";

export const STORED_CSV_COLUMNS = [
  "account_id",
  "account_name",
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
  "audited_at",
  "stale_reason",
] as const;

function csvRow(r: StoredTargetState): (string | number | undefined)[] {
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  return [
    r.accountId,
    r.accountName,
    r.region,
    r.targetId,
    r.kind,
    r.verdict,
    r.engine ?? undefined,
    r.engineVersion ?? undefined,
    r.status,
    r.vpcId ?? undefined,
    r.port ?? undefined,
    r.parameterGroup ?? undefined,
    r.policy ?? undefined,
    count("fail"),
    count("warn"),
    count("unknown"),
    r.findings.map((f) => `[${f.severity}] ${f.ruleId}: ${f.title}`).join(" | "),
    r.auditedAt.toISOString(),
    r.staleReason ?? undefined,
  ];
}

/** RFC 4180 CSV with CRLF line ends and a header row. */
export function storedCsv(rows: StoredTargetState[]): string {
  const lines = [STORED_CSV_COLUMNS.join(","), ...rows.map((r) => csvRow(r).map(csvCell).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

export function storedJson(rows: StoredTargetState[], run: AuditRunRow, generatedAt: Date): string {
  const summary = Object.fromEntries(Object.keys(VERDICT_LABELS).map((v) => [v, 0])) as Record<
    Verdict,
    number
  >;
  for (const r of rows) if (r.verdict in summary) summary[r.verdict as Verdict]++;
  const body = {
    generatedAt: generatedAt.toISOString(),
    audit: { id: run.id, finishedAt: run.finishedAt?.toISOString(), durationMs: run.durationMs },
    summary,
    accounts: (run.accounts ?? []).map((a) => ({
      accountId: a.id,
      accountName: a.name,
      problem: a.problem,
      failedRegions: (run.failedRegions ?? []).filter((f) => f.accountId === a.id),
    })),
    clusters: rows.map((r) => ({
      accountId: r.accountId,
      accountName: r.accountName,
      region: r.region,
      kind: r.kind,
      name: r.targetId,
      verdict: r.verdict,
      engine: r.engine,
      engineVersion: r.engineVersion,
      status: r.status,
      topology: r.topology,
      vpcId: r.vpcId,
      vpcName: r.vpcName,
      port: r.port,
      parameterGroup: r.parameterGroup,
      maxmemoryPolicy: r.policy,
      findings: r.findings,
      auditedAt: r.auditedAt.toISOString(),
      firstSeenAt: r.firstSeenAt.toISOString(),
      staleReason: r.staleReason,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
