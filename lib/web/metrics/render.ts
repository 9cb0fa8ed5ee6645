/**
 * The Prometheus exposition of the latest stored audit, written by prom-client. A fresh registry per
 * scrape: the values come from the database (shared by every replica), not from this process's memory,
 * so every replica answers the same numbers.
 */
import { Gauge, Registry } from "prom-client";
import type { StoredAudit } from "@/lib/adapters/db/audits";
import { registerAlertMetrics, type AlertStats } from "./alert-metrics";
import { registerTrailMetrics } from "./trail-metrics";
import type { Verdict } from "@/lib/core/readiness";

/** Verdicts always reported (0 when absent), so a dashboard's series never disappear. */
const VERDICTS: Verdict[] = ["ready", "needs-changes", "incompatible", "not-applicable", "unknown"];

export async function renderMetrics(
  latest: StoredAudit | undefined,
  alerts?: AlertStats,
  trail?: Record<string, number>,
): Promise<{ body: string; contentType: string }> {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });

  const ready = gauge(
    "queueready_target_ready",
    "1 when the target was Ready for BullMQ in the latest audit, else 0.",
    ["account_id", "region", "kind", "target"],
  );
  const byVerdict = gauge("queueready_targets", "Targets in the latest audit, by verdict.", ["verdict"]);
  const lastTime = gauge(
    "queueready_last_audit_timestamp_seconds",
    "When the latest audit finished (Unix time).",
  );
  const lastDuration = gauge("queueready_last_audit_duration_seconds", "How long the latest audit took.");
  const awsErrors = gauge("queueready_aws_errors", "AWS errors met by the latest audit, by API operation.", [
    "operation",
  ]);
  const failedRegions = gauge("queueready_failed_regions", "Regions the latest audit could not read at all.");

  if (latest) {
    const counts = new Map<string, number>(VERDICTS.map((v) => [v, 0]));
    for (const v of latest.verdicts) {
      ready.set(
        { account_id: v.accountId, region: v.region, kind: v.kind, target: v.targetId },
        v.verdict === "ready" ? 1 : 0,
      );
      counts.set(v.verdict, (counts.get(v.verdict) ?? 0) + 1);
    }
    for (const [verdict, n] of counts) byVerdict.set({ verdict }, n);
    lastTime.set(Math.floor((latest.run.finishedAt ?? latest.run.startedAt).getTime() / 1000));
    lastDuration.set((latest.run.durationMs ?? 0) / 1000);
    for (const [operation, n] of Object.entries(latest.run.awsErrors ?? {})) awsErrors.set({ operation }, n);
    failedRegions.set(latest.run.failedRegions?.length ?? 0);
  }
  registerAlertMetrics(registry, alerts);
  registerTrailMetrics(registry, trail);
  return { body: await registry.metrics(), contentType: registry.contentType };
}
