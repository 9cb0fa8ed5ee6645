import { getPreview } from "@/lib/adapters/db/lookups";
import { answerUnavailable } from "@/lib/web/http/unavailable";
import { getSessionUser } from "@/lib/web/auth/session";
import { findAccount } from "@/lib/services/estate";
import { planFileName, renderCli, renderJson } from "@/lib/core/plan";
import { fixAsCodeOf } from "@/lib/web/wizard/fix-export";

const FORMATS = ["json", "sh", "terraform", "cloudformation"] as const;

/**
 * A recorded preview as a download: `?format=json` (default), `?format=sh` (the AWS CLI script), or the fix
 * as its owner's code, `?format=terraform` / `?format=cloudformation` (owners read live). Route handlers
 * are not wrapped by the dashboard layout, so the sign-in check is made here.
 */
async function downloadPreview(
  request: Request,
  { params }: { params: Promise<{ previewId: string }> },
): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  const { previewId } = await params;
  const preview = await getPreview(previewId);
  if (!preview)
    return Response.json({ error: "No preview with that id: preview the change again." }, { status: 404 });
  const asked = new URL(request.url).searchParams.get("format") ?? "json";
  const format = FORMATS.find((f) => f === asked);
  if (!format)
    return Response.json({ error: `Unknown format: use one of ${FORMATS.join(", ")}.` }, { status: 400 });
  if (format === "terraform" || format === "cloudformation") {
    const fix = await fixAsCodeOf(preview.plan, format);
    if (!fix.ok) return Response.json({ error: fix.message }, { status: fix.status });
    return new Response(fix.body, {
      headers: {
        "content-type": `${format === "terraform" ? "text/plain" : "application/yaml"}; charset=utf-8`,
        "content-disposition": `attachment; filename="${fix.fileName}"`,
        "cache-control": "no-store",
      },
    });
  }
  // The role the plan's calls run as, when its account is still configured.
  const found = await findAccount(preview.plan.target.accountId);
  const runsAs = found.ok ? found.account.applyRole : found.notFound ? undefined : found.account?.applyRole;
  const body = format === "sh" ? renderCli(preview.plan, { runsAs }) : renderJson(preview.plan, { runsAs });
  return new Response(body, {
    headers: {
      "content-type":
        format === "sh" ? "text/x-shellscript; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${planFileName(preview.plan, format)}"`,
      "cache-control": "no-store",
    },
  });
}

export async function GET(
  request: Request,
  context: { params: Promise<{ previewId: string }> },
): Promise<Response> {
  return answerUnavailable(request, () => downloadPreview(request, context));
}
