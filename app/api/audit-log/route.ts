import { z } from "zod";
import { defaultDatabase } from "@/lib/adapters/db";
import { readTrail } from "@/lib/adapters/db/audit-trail";
import { auditLogAccess } from "@/lib/web/approvals/audit-log-token";

export const dynamic = "force-dynamic";

const PAGE = 500;

const problem = (status: number, error: string, extra: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store", ...extra } });

const querySchema = z
  .object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() })
  .strict();

/**
 * GET /api/audit-log: the audit trail as JSON lines, oldest first, one event per line, for a SIEM. Guarded
 * by the bearer token in QUEUEREADY_AUDIT_LOG_TOKEN (off when it is not set). `?after=SEQ` resumes after
 * the last line a collector kept. Streamed page by page, so a long trail never sits whole in memory.
 */
export async function GET(request: Request): Promise<Response> {
  const access = auditLogAccess(request.headers.get("authorization"), process.env);
  if (access === "disabled")
    return problem(
      404,
      "The audit log is off: set QUEUEREADY_AUDIT_LOG_TOKEN (32 random bytes) to enable it.",
    );
  if (access !== "allowed")
    return problem(401, "Send Authorization: Bearer <QUEUEREADY_AUDIT_LOG_TOKEN>.", {
      "www-authenticate": 'Bearer realm="queueready-audit-log"',
    });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return problem(400, "/api/audit-log takes only ?after=<sequence number>.");
  let db;
  try {
    ({ db } = await defaultDatabase());
  } catch {
    return problem(503, "The database is not answering; try again shortly.");
  }
  let after = query.data.after ?? 0;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const rows = await readTrail(db, after, PAGE);
        if (rows.length > 0) {
          after = rows.at(-1)!.seq;
          controller.enqueue(encoder.encode(rows.map((r) => `${JSON.stringify(r)}\n`).join("")));
        }
        if (rows.length < PAGE) controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
}
