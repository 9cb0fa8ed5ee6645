/**
 * The live audit as CSV (one row per cluster, for spreadsheets, in ./csv's columns) and the verdict counts
 * every summary shows. The JSON document is lib/core/rows/export-document.ts, shared with the app.
 */
import { toCsv, type CsvCluster } from "./csv";
import { VERDICT_LABELS, type RegionAudit, type Verdict } from "./types";

/**
 * Counts per verdict, every verdict present (zeros included) so the page's summary never has holes. A stored
 * row's verdict is a plain string: one that is not a verdict is not counted.
 */
export function countVerdicts(clusters: readonly { verdict: string }[]): Record<Verdict, number> {
  const counts = Object.fromEntries(Object.keys(VERDICT_LABELS).map((v) => [v, 0])) as Record<
    Verdict,
    number
  >;
  for (const c of clusters) if (c.verdict in counts) counts[c.verdict as Verdict]++;
  return counts;
}

/** A live audit's clusters as CSV rows: read at their region's audit time, never stale. */
export function liveCsvClusters(regions: RegionAudit[], accountName?: string): CsvCluster[] {
  return regions.flatMap((r) =>
    r.clusters.map((c) => ({
      ...c,
      // Without a name of its own, an account is named by its id, as the app names QueueReady's own.
      accountName: accountName ?? c.accountId,
      parameterGroup: c.parameterGroup?.name,
      policy: c.parameterGroup?.policy,
      auditedAt: r.readAt,
    })),
  );
}

/** The CSV of a live audit, in the same columns as the app's stored export. */
export function exportCsv(regions: RegionAudit[]): string {
  return toCsv(liveCsvClusters(regions));
}
