"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure } from "@/lib/web/actions/action-result";
import { validatedAction } from "@/lib/web/actions/validated-action";
import { getPreview } from "@/lib/adapters/db/lookups";
import { startApply } from "@/lib/services/apply/start-apply";
import type { ApplyRun } from "@/lib/adapters/db/run-records";
import { refreshStoredTargetLater } from "@/lib/services/audit/refresh-target";
import type { AuditedTarget } from "@/lib/services/audit/store-target";
import { applyFailure } from "./apply-failure";
import { wizardSettings } from "./live";
import { previewApplyGate } from "@/lib/web/approvals/apply-gate";
import { announceOverride } from "@/lib/services/approvals/break-glass";
import { targetKey } from "@/lib/core/identity/identity";
import { ownerOverrideOf } from "./owner-override";

const applyFormSchema = z.object({
  previewId: z.string().regex(/^[0-9a-z-]{1,64}$/, "The preview id is malformed: preview again."),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "The preview fingerprint is malformed: preview again."),
  /** An admin's reason to apply without the approval the account requires (break glass). */
  overrideReason: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().min(3, "Give a reason of 3 characters or more.").max(500).optional(),
  ),
  /** Required when the plan changes what another tool owns (checked below with overrideReasonSchema). */
  overrideOwner: z.string().max(2000).optional(),
});

/**
 * Apply, operators only (a viewer's direct POST is refused by validatedAction before anything runs). The
 * preview the operator saw is named by id and fingerprint; the apply engine re-reads live state and refuses
 * when the fingerprint moved. A stale plan comes back as `code: "conflict"` with one sentence per change in
 * `fieldErrors.changes`, so the preview can show what changed next to a "Preview again" link.
 */
export const applyPlanAction = validatedAction(applyFormSchema, "operator", async (input, user) => {
  const preview = await getPreview(input.previewId);
  if (!preview) return failure("conflict", "That preview is not known any more: preview the change again.");
  // Limited operators stay in their accounts; where approval is required only an admin's break glass applies.
  const event = preview.plan.revert ? "reverted" : "applied";
  const gate = previewApplyGate(user, preview.plan.target.accountId, event, input.overrideReason);
  if (!gate.ok) return gate;
  // Changes go through the account's APPLY settings (its apply role), asked for only here, by an operator.
  const setup = await wizardSettings(preview.plan.target.accountId, "apply");
  if (!setup.ok) return failure(setup.problem.code, setup.problem.message);
  // The id and the fingerprint must name the same preview: a form replayed with another id is not what was read.
  if (preview.plan.fingerprint !== input.fingerprint) {
    return failure(
      "conflict",
      "The preview on this page is not the one recorded under its id: preview again.",
    );
  }
  const reason = ownerOverrideOf(input.overrideOwner);
  if (!reason.ok) return reason;
  let runId: string;
  try {
    let finished: Promise<ApplyRun>;
    let closing: Promise<AuditedTarget | undefined>;
    ({ runId, finished, closing } = await startApply({
      settings: setup.settings,
      user: { name: user.name, role: user.role },
      previewId: input.previewId,
      trail: gate.trail,
      ownerGuard: { overrideReason: reason.reason },
    }));
    if (gate.override)
      void announceOverride({
        actor: user.name,
        reason: gate.override,
        targets: [targetKey(preview.plan.target)],
        runId,
      }).catch(() => undefined);
    // When the run ends (in the background), the status page's stored row takes the closing audit as it
    // found the target; a run that stopped before it has the target read again.
    void Promise.all([finished, closing]).then(
      ([run, audited]) => refreshStoredTargetLater(run.target, audited),
      () => undefined,
    );
  } catch (err) {
    const refused = applyFailure(err);
    if (refused) return refused;
    throw err;
  }
  redirect(`/changes/${runId}`);
});
