/**
 * The one place the scheduler meets the audit (lib/audit): audit the regions a few at a time and turn
 * the result into what lib/db stores. When the audit's entry point changes, only this file follows.
 */
import { auditLiveRegion } from "@/lib/audit";
import type { AwsSettings } from "@/lib/aws";
import type { AuditResult } from "@/lib/db/audits";
import type { RegionAudit } from "@/lib/readiness";

/** Runs `work` on every item with at most `limit` running at once; results in input order. */
export async function mapLimited<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return out;
}

export function toAuditResult(audits: RegionAudit[]): AuditResult {
  const result: AuditResult = { verdicts: [], awsErrors: {}, failedRegions: [] };
  for (const audit of audits) {
    for (const c of audit.clusters) {
      result.verdicts.push({
        accountId: c.ref.accountId,
        region: c.ref.region,
        kind: c.ref.kind,
        targetId: c.ref.id,
        verdict: c.verdict,
        findings: c.findings
          .filter((f) => f.severity !== "pass")
          .map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title })),
      });
    }
    // A region that failed outright lists the same problem in both places: count it once.
    for (const p of new Set([...audit.problems, ...(audit.failed ? [audit.failed] : [])])) {
      const op = p.operation ?? "unknown";
      result.awsErrors[op] = (result.awsErrors[op] ?? 0) + 1;
    }
    if (audit.failed) result.failedRegions.push({ region: audit.region, message: audit.failed.message });
  }
  return result;
}

export async function auditForStorage(
  settings: AwsSettings,
  regions: string[],
  opts: { concurrency?: number } = {},
): Promise<AuditResult> {
  const audits = await mapLimited([...new Set(regions)], opts.concurrency ?? 4, (r) =>
    auditLiveRegion(settings, r),
  );
  return toAuditResult(audits);
}
