import { resolveView } from "@/lib/status/resolve-view";
import { applyAuditQuery, type SearchParams } from "@/components/status/audit-query";
import { getSessionUser } from "@/lib/auth/session";
import { auditRegions } from "@/lib/audit";
import { exportCsv, exportJson } from "@/lib/readiness/export";

// Live AWS state, read on every download; never cached or prerendered.
export const dynamic = "force-dynamic";

const FORMATS = {
  csv: { type: "text/csv; charset=utf-8", render: exportCsv },
  json: { type: "application/json; charset=utf-8", render: exportJson },
} as const;

function paramsOf(url: URL): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

function problem(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * GET /api/audit/export?format=csv|json&region=...|regions=all[&verdict=&engine=&q=&sort=]: the audit of the
 * same regions and rows the status page shows, read live, as a download. Viewers and up; 401 without a session.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return problem(401, "Sign in to export the audit.");
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "json";
  if (format !== "csv" && format !== "json") return problem(400, "format must be csv or json.");
  const view = resolveView(paramsOf(url));
  if (!view.ok) return problem(503, view.problem.message);
  // The page may fall back to the default region and say so; a download must hold what was asked for.
  if (view.choice.unconfigured.length > 0) {
    return problem(
      400,
      `Region ${view.choice.unconfigured.map((r) => JSON.stringify(r)).join(", ")} is not configured; configured: ${view.settings.regions.join(", ")}.`,
    );
  }

  const audits = await auditRegions(view.settings, view.choice.regions);
  const shown = audits.map((a) => ({ ...a, clusters: applyAuditQuery(a.clusters, view.query) }));
  const now = new Date();
  const stamp = now.toISOString().slice(0, 19).replaceAll(":", "").replace("T", "-");
  const scope = view.choice.all ? "all-regions" : view.choice.regions.join("+");
  const { type, render } = FORMATS[format];
  return new Response(render(shown, now.toISOString()), {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="queueready-audit-${scope}-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
