/**
 * The audit as one JSON document, the same for the app's Export JSON (stored rows) and the CLI's --json
 * (a live audit): every account with its regions (and why one could not be read), and one flat row per
 * target carrying its account, in the columns the status table and the CSV show.
 */
import { countVerdicts } from "@/lib/core/readiness/export";
import type { ClusterAudit, Owner, RegionAudit, Verdict } from "@/lib/core/readiness/types";

export interface ExportCluster {
  accountId: string;
  accountName: string;
  region: string;
  kind: string;
  name: string;
  verdict: string;
  engine?: string | null;
  engineVersion?: string | null;
  status: string;
  topology: string;
  vpcId?: string | null;
  vpcName?: string | null;
  port?: number | null;
  parameterGroup?: string | null;
  maxmemoryPolicy?: string | null;
  /**
   * Who owns the target: `{tool: "cloudformation", stack, logicalId}`, `{tool: "terraform", address,
   * stateFile}`, or `{tool: "unknown"}` with the reason in `evidence`; null when nobody does.
   */
  owner: Owner | null;
  /**
   * Live audits only (the CLI's --json): the fullest node's memory use, maximum of the last 15 minutes in
   * percent of maxmemory; null when CloudWatch had no datapoints.
   */
  memoryUse?: { cacheClusterId: string; percent: number } | null;
  /** Open findings (pass results left out), most severe first. */
  findings: { ruleId: string; severity: string; title: string }[];
  auditedAt: string;
  /** Stored rows only: when QueueReady first saw the target. */
  firstSeenAt?: string;
  /** Stored rows only: why the row is older than the audit (its region could not be read). */
  staleReason?: string | null;
}

export interface ExportAccount {
  accountId: string;
  accountName: string;
  /** Why nothing of the account could be read. */
  problem?: string;
  regions: { region: string; failed?: string }[];
}

export interface ExportDocument {
  generatedAt: string;
  /** The stored audit the rows come from (the app's export). */
  audit?: { id: string; finishedAt?: string; durationMs?: number | null };
  summary: Record<Verdict, number>;
  accounts: ExportAccount[];
  clusters: ExportCluster[];
}

export function exportDocument(
  parts: Omit<ExportDocument, "summary" | "generatedAt">,
  generatedAt: Date = new Date(),
): string {
  const doc: ExportDocument = {
    generatedAt: generatedAt.toISOString(),
    ...(parts.audit ? { audit: parts.audit } : {}),
    summary: countVerdicts(parts.clusters),
    accounts: parts.accounts,
    clusters: parts.clusters,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A live audit's row, read at its region's audit time. */
export function exportClusterOf(c: ClusterAudit, accountName: string, auditedAt: string): ExportCluster {
  return {
    accountId: c.accountId,
    accountName,
    region: c.region,
    kind: c.kind,
    name: c.name,
    verdict: c.verdict,
    engine: c.engine,
    engineVersion: c.engineVersion,
    status: c.status,
    topology: c.topology,
    vpcId: c.vpcId,
    vpcName: c.vpcName,
    port: c.port,
    parameterGroup: c.parameterGroup?.name,
    maxmemoryPolicy: c.parameterGroup?.policy,
    owner: c.owner,
    memoryUse: c.memoryUse ?? null,
    findings: c.findings
      .filter((f) => f.severity !== "pass")
      .map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title })),
    auditedAt,
  };
}

/** One account of a live audit: its regions as read, and its rows. */
export function liveExportAccount(
  account: { accountId: string; accountName: string; problem?: { message: string } },
  regions: RegionAudit[],
): { account: ExportAccount; clusters: ExportCluster[] } {
  return {
    account: {
      accountId: account.accountId,
      accountName: account.accountName,
      ...(account.problem ? { problem: account.problem.message } : {}),
      regions: regions.map((r) => ({ region: r.region, ...(r.failed ? { failed: r.failed.message } : {}) })),
    },
    clusters: regions.flatMap((r) =>
      r.clusters.map((c) => exportClusterOf(c, account.accountName, r.readAt)),
    ),
  };
}
