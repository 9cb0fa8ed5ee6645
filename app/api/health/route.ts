import { defaultDatabase } from "@/lib/adapters/db";
import { health, healthQuerySchema } from "@/lib/web/metrics/health";

export const dynamic = "force-dynamic";

const headers = { "cache-control": "no-store" };

/** GET /api/health (liveness) or /api/health?probe=ready (the database answers too). No session needed. */
export async function GET(request: Request): Promise<Response> {
  const params = [...new URL(request.url).searchParams];
  const query = healthQuerySchema.safeParse(Object.fromEntries(params));
  // A repeated parameter is ambiguous: refuse it rather than pick one.
  if (!query.success || new Set(params.map(([k]) => k)).size !== params.length)
    return Response.json({ error: "probe must be live or ready." }, { status: 400, headers });
  const answer = await health(query.data.probe, async () => (await defaultDatabase()).ping());
  return Response.json(answer.body, { status: answer.status, headers });
}
