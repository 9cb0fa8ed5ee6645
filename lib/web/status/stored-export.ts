/**
 * The stored audit as files: every row the filters match (not a page), each with its account id and name.
 * CSV for spreadsheets (lib/core/readiness's columns) and JSON for machines (lib/core/rows/export-document),
 * both shared with the CLI.
 */
import type { AuditRunRow } from "@/lib/adapters/db/audits";
import type { StoredTargetState } from "@/lib/adapters/db/target-state-queries";
import { toCsv, type CsvCluster, type NotRead } from "@/lib/core/readiness/csv";
import type { StatusQuery } from "./status-query";
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

/**
 * What the latest audit could not read, in the view's account and region: each region of an account whose
 * role could not be assumed, each region that failed, and an account it could not read with no region tried.
 * With a verdict filter that leaves out Unknown, or a kind, engine or text filter, there is none (they
 * select clusters, and these are not clusters).
 */
export function storedNotRead(
  run: AuditRunRow,
  query: Pick<StatusQuery, "accountId" | "region"> & Partial<StatusQuery> = {},
  opts: { clustersOnly?: boolean } = {},
): NotRead[] {
  if (opts.clustersOnly) {
    const verdicts = query.verdicts ?? [];
    if (verdicts.length > 0 && !verdicts.includes("unknown")) return [];
    if (query.kind || query.engine || query.q) return [];
  }
  const auditedAt = (run.finishedAt ?? run.startedAt).toISOString();
  const accounts = run.accounts ?? [];
  const nameOf = (id?: string) => accounts.find((a) => a.id === id)?.name ?? id ?? "";
  const out: NotRead[] = (run.failedRegions ?? []).map((f) => ({
    accountId: f.accountId ?? "",
    accountName: nameOf(f.accountId),
    region: f.region,
    reason: f.message,
    auditedAt,
  }));
  for (const a of accounts)
    if (a.problem && !out.some((n) => n.accountId === a.id))
      out.push({ accountId: a.id, accountName: a.name, reason: a.problem, auditedAt });
  return out.filter(
    (n) =>
      (!query.accountId || n.accountId === query.accountId) &&
      (!query.region || !n.region || n.region === query.region),
  );
}

/** Every row, after what could not be read (lib/core/readiness/csv's not-read rows). */
export function storedCsv(rows: StoredTargetState[], notRead: readonly NotRead[] = []): string {
  return toCsv(rows.map(csvCluster), notRead);
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
