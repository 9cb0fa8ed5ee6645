import { parseStatusQuery, statusQueryProblem, type SearchParams } from "@/lib/web/status/status-query";
import { answerUnavailable } from "@/lib/web/http/unavailable";
import { getSessionUser } from "@/lib/web/auth/session";
import { defaultDatabase } from "@/lib/adapters/db";
import { getEstate } from "@/lib/services/estate";
import { exportFilterProblem } from "@/lib/web/status/export-filters";
import { exportFileName } from "@/lib/web/status/export-filename";
import { latestFinishedRun } from "@/lib/adapters/db/audit-runs";
import { allTargetStates } from "@/lib/adapters/db/target-state-queries";
import { storedCsv, storedJson, storedNotRead } from "@/lib/web/status/stored-export";
import { stateFilterOf } from "@/lib/web/status/stored-status";

// The stored state as it is now; never cached or prerendered.
export const dynamic = "force-dynamic";

const TYPES = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;

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
 * GET /api/audit/export?format=csv|json[&account=&region=&verdict=&kind=&engine=&q=&sort=]: every stored row
 * the status page's filters match (all pages), from the latest audit, as a download. Viewers and up; 401
 * without a session; 503 while no audit is stored yet.
 */
async function exportAudit(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return problem(401, "Sign in to export the audit.");
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "json";
  if (format !== "csv" && format !== "json") return problem(400, "format must be csv or json.");
  const params = paramsOf(url);
  const unanswerable = statusQueryProblem(params);
  if (unanswerable) return problem(400, unanswerable);
  const query = parseStatusQuery(params);
  const estate = await getEstate();
  const regionsOf = new Map(estate.ok ? estate.accounts.map((a) => [a.accountId, a.regions]) : []);
  if (estate.ok) {
    const configured = {
      accounts: estate.accounts.map((a) => a.accountId),
      regions: [...new Set(estate.accounts.flatMap((a) => a.regions))],
    };
    const refused = exportFilterProblem(params, query, configured);
    if (refused) return problem(400, refused);
  }
  const { db } = await defaultDatabase();
  const run = await latestFinishedRun(db);
  if (!run) return problem(503, "No audit is stored yet: the first one is running. Try again in a moment.");
  const rows = await allTargetStates(db, stateFilterOf(query), query.sort);
  const now = new Date();
  return new Response(
    format === "csv"
      ? storedCsv(rows, storedNotRead(run, query, { clustersOnly: true }))
      : storedJson(rows, run, now, regionsOf),
    {
      headers: {
        "content-type": TYPES[format],
        "content-disposition": `attachment; filename="${exportFileName(query, now, format)}"`,
        "cache-control": "no-store",
      },
    },
  );
}

export async function GET(request: Request): Promise<Response> {
  return answerUnavailable(request, () => exportAudit(request));
}
