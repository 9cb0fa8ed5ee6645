/**
 * The stored audit as files: every row the filters match (not a page), each with its account id and name.
 * CSV for spreadsheets (lib/core/readiness's columns) and JSON for machines (lib/core/rows/export-document),
 * both shared with the CLI.
 */
import type { AuditRunRow } from "@/lib/adapters/db/audits";
import type { StoredTargetState } from "@/lib/adapters/db/target-state-queries";
import { toCsv, type CsvCluster } from "@/lib/core/readiness/csv";
import { exportDocument, type ExportAccount, type ExportCluster } from "@/lib/core/rows/export-document";

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
    owner: r.owner ?? null,
    findings: r.findings,
    auditedAt: r.auditedAt.toISOString(),
    staleReason: r.staleReason ?? undefined,
  };
}

export function storedCsv(rows: StoredTargetState[]): string {
  return toCsv(rows.map(csvCluster));
}

/** Regions of each configured account, for the document's account list (the estate the audit covered). */
export type AccountRegions = ReadonlyMap<string, readonly string[]>;

export function storedJson(
  rows: StoredTargetState[],
  run: AuditRunRow,
  generatedAt: Date,
  regionsOf: AccountRegions = new Map(),
): string {
  const failed = run.failedRegions ?? [];
  const accounts: ExportAccount[] = (run.accounts ?? []).map((a) => {
    const mine = failed.filter((f) => f.accountId === a.id);
    const regions = [...new Set([...(regionsOf.get(a.id) ?? []), ...mine.map((f) => f.region)])];
    return {
      accountId: a.id,
      accountName: a.name,
      ...(a.problem ? { problem: a.problem } : {}),
      regions: regions.map((region) => {
        const why = mine.find((f) => f.region === region)?.message;
        return { region, ...(why ? { failed: why } : {}) };
      }),
    };
  });
  const clusters: ExportCluster[] = rows.map((r) => ({
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
    owner: r.owner ?? null,
    findings: r.findings,
    auditedAt: r.auditedAt.toISOString(),
    firstSeenAt: r.firstSeenAt.toISOString(),
    staleReason: r.staleReason,
  }));
  const audit = { id: run.id, finishedAt: run.finishedAt?.toISOString(), durationMs: run.durationMs };
  return exportDocument({ audit, accounts, clusters }, generatedAt);
}
