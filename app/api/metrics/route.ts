import { defaultDatabase } from "@/lib/adapters/db";
import { latestAudit } from "@/lib/adapters/db/audits";
import { alertStats } from "@/lib/adapters/db/deliveries";
import { countTrailEvents } from "@/lib/adapters/db/audit-trail";
import { renderMetrics } from "@/lib/web/metrics/render";
import { metricsAccess } from "@/lib/web/metrics/token";

export const dynamic = "force-dynamic";

const problem = (status: number, error: string, extra: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store", ...extra } });

/**
 * GET /api/metrics: Prometheus text for the latest stored audit. Guarded by the bearer token in
 * QUEUEREADY_METRICS_TOKEN rather than a session (a scraper has no cookie); off when it is not set.
 */
export async function GET(request: Request): Promise<Response> {
  const access = metricsAccess(request.headers.get("authorization"), process.env.QUEUEREADY_METRICS_TOKEN);
  if (access === "disabled")
    return problem(404, "Metrics are off: set QUEUEREADY_METRICS_TOKEN to enable them.");
  if (access !== "allowed")
    return problem(401, "Send Authorization: Bearer <QUEUEREADY_METRICS_TOKEN>.", {
      "www-authenticate": 'Bearer realm="queueready-metrics"',
    });
  if ([...new URL(request.url).searchParams.keys()].length > 0)
    return problem(400, "/api/metrics takes no parameters.");
  let metrics: Awaited<ReturnType<typeof renderMetrics>>;
  try {
    const { db } = await defaultDatabase();
    const [latest, alerts, trail] = await Promise.all([
      latestAudit(db),
      alertStats(db),
      countTrailEvents(db),
    ]);
    metrics = await renderMetrics(latest, alerts, trail);
  } catch {
    return problem(503, "The database is not answering; try again shortly.");
  }
  return new Response(metrics.body, {
    headers: { "content-type": metrics.contentType, "cache-control": "no-store" },
  });
}
