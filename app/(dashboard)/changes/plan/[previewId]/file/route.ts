import { z } from "zod";
import { answerUnavailable } from "@/lib/web/http/unavailable";
import { getPreview } from "@/lib/adapters/db/lookups";
import { hasRole } from "@/lib/web/auth/roles";
import { getSessionUser } from "@/lib/web/auth/session";
import { findAccount } from "@/lib/services/estate";
import {
  buildPlanFile,
  planFileName,
  planSigningKey,
  previewFileInput,
  serializePlanFile,
} from "@/lib/core/plan-file";

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
  // The role the plan's calls run as, when its account is still configured (as the JSON export names it).
  const found = await findAccount(preview.plan.target.accountId);
  const runsAs = found.ok ? found.account.applyRole : found.notFound ? undefined : found.account?.applyRole;
  // `npm start` refuses a weak key; a server started otherwise (next dev) must not sign with one either.
  const signing = planSigningKey(process.env);
  if (!signing.ok) return Response.json({ error: signing.reason }, { status: 500 });
  const file = buildPlanFile({
    ...previewFileInput(preview.plan),
    createdBy: { name: user.name, via: "browser" },
    runsAs: () => runsAs,
    signingKey: signing.key,
  });
  return new Response(serializePlanFile(file), {
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
