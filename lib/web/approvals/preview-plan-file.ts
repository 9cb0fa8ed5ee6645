import "server-only";
import type { StoredPreview } from "@/lib/adapters/db/previews";
import { findAccount } from "@/lib/services/estate";
import {
  buildPlanFile,
  planSigningKey,
  previewFileInput,
  serializePlanFile,
  type PlanFile,
} from "@/lib/core/plan-file";

/**
 * A recorded preview as a plan file, the format `npm run plan -- --out` writes: what the browser downloads
 * and what "Request approval" stores. Signed with QUEUEREADY_PLAN_SIGNING_KEY when the server has one.
 */
export async function planFileOfPreview(
  preview: StoredPreview,
  user: { name: string },
): Promise<{ ok: true; file: PlanFile; text: string } | { ok: false; reason: string }> {
  // The role the plan's calls run as, when its account is still configured (as the JSON export names it).
  const found = await findAccount(preview.plan.target.accountId);
  const runsAs = found.ok ? found.account.applyRole : found.notFound ? undefined : found.account?.applyRole;
  // `npm start` refuses a weak key; a server started otherwise (next dev) must not sign with one either.
  const signing = planSigningKey(process.env);
  if (!signing.ok) return { ok: false, reason: signing.reason };
  const file = buildPlanFile({
    ...previewFileInput(preview.plan),
    createdBy: { name: user.name, via: "browser" },
    runsAs: () => runsAs,
    signingKey: signing.key,
  });
  return { ok: true, file, text: serializePlanFile(file) };
}
