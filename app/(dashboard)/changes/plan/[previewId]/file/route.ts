import { z } from "zod";
import { answerUnavailable } from "@/lib/web/http/unavailable";
import { getPreview } from "@/lib/adapters/db/lookups";
import { hasRole } from "@/lib/web/auth/roles";
import { getSessionUser } from "@/lib/web/auth/session";
import { planFileName } from "@/lib/core/plan-file";
import { planFileOfPreview } from "@/lib/web/approvals/preview-plan-file";

const previewIdSchema = z.string().regex(/^[0-9a-z-]{1,64}$/);

/**
 * A recorded preview as a plan file, the format `npm run plan -- --out` writes and `npm run apply` applies.
 * Route handlers are not wrapped by the dashboard layout, so this one checks the session and the role
 * itself. Viewers may download it as they may export the JSON: the file grants nothing, apply re-reads
 * live state and needs an operator's AWS credentials. It is signed with QUEUEREADY_PLAN_SIGNING_KEY when the
 * server has one, so `npm run apply` given the same key accepts it; without one it is unsigned.
 */
async function downloadPlanFile(
  _request: Request,
  { params }: { params: Promise<{ previewId: string }> },
): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!hasRole(user.role, "viewer"))
    return Response.json({ error: "Your role may not export plans." }, { status: 403 });
  const id = previewIdSchema.safeParse((await params).previewId);
  const preview = id.success ? await getPreview(id.data) : undefined;
  if (!preview)
    return Response.json({ error: "No preview with that id: preview the change again." }, { status: 404 });
  const built = await planFileOfPreview(preview, user);
  if (!built.ok) return Response.json({ error: built.reason }, { status: 500 });
  const { file, text } = built;
  return new Response(text, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${planFileName(file)}"`,
      "cache-control": "no-store",
    },
  });
}

export async function GET(
  request: Request,
  context: { params: Promise<{ previewId: string }> },
): Promise<Response> {
  return answerUnavailable(request, () => downloadPlanFile(request, context));
}
