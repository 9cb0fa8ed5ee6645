/**
 * The stored audit as files: every row the filters match (not a page), each with its account id and name.
 * CSV for spreadsheets (lib/core/readiness's columns, shared with the CLI), JSON for machines.
 */
import type { AuditRunRow } from "@/lib/adapters/db/audits";
import type { StoredTargetState } from "@/lib/adapters/db/target-state-queries";
import { toCsv, type CsvCluster } from "@/lib/core/readiness/csv";
import { countVerdicts } from "@/lib/core/readiness/export";

/** A stored row in the CSV's shared columns (lib/core/readiness/csv): the same layout as the CLI's export. */
function csvCluster(r: StoredTargetState): CsvCluster {
  return {
    accountId: r.accountId,
    accountName: r.accountName,
    region: r.region,
    name: r.targetId,
    kind: r.kind,
    verdict: r.verdict,
    engine: r.engine ?? undefined,
    engineVersion: r.engineVersion ?? undefined,
    status: r.status,
    vpcId: r.vpcId ?? undefined,
    port: r.port ?? undefined,
    parameterGroup: r.parameterGroup ?? undefined,
    policy: r.policy ?? undefined,
    findings: r.findings,
    auditedAt: r.auditedAt.toISOString(),
    staleReason: r.staleReason ?? undefined,
  };
}

export function storedCsv(rows: StoredTargetState[]): string {
  return toCsv(rows.map(csvCluster));
}

export function storedJson(rows: StoredTargetState[], run: AuditRunRow, generatedAt: Date): string {
  const body = {
    generatedAt: generatedAt.toISOString(),
    audit: { id: run.id, finishedAt: run.finishedAt?.toISOString(), durationMs: run.durationMs },
    summary: countVerdicts(rows),
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
