"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, success } from "@/lib/web/actions/action-result";
import { validatedAction } from "@/lib/web/actions/validated-action";
import { getPreview } from "@/lib/adapters/db/lookups";
import { defaultDatabase } from "@/lib/adapters/db";
import { findApproval } from "@/lib/adapters/db/approvals";
import { isRecordId } from "@/lib/adapters/db/record-id";
import { approvalPath, CHANGE_REF_MAX, decidePlan, submitPlan } from "@/lib/services/approvals/submit";
import { accountScopeRefusal } from "./apply-gate";
import { applyApproved } from "./apply-approved";
import { planFileOfPreview } from "./preview-plan-file";

const recordId = z.string().regex(/^[0-9a-z-]{1,64}$/, "The id is malformed.");
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const requestSchema = z.object({
  previewId: recordId,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "The preview fingerprint is malformed: preview again."),
  changeRef: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(CHANGE_REF_MAX, `At most ${CHANGE_REF_MAX} characters.`)
      .regex(/^[\x20-\x7e]+$/, "Letters, digits and punctuation only.")
      .optional(),
  ),
});

/**
 * "Request approval" on a preview: the preview as a plan file, stored by its content hash for another
 * operator to approve; then its approval page. The fingerprint ties the request to the preview on screen.
 */
export const requestApprovalAction = validatedAction(requestSchema, "operator", async (input, user) => {
  const preview = await getPreview(input.previewId);
  if (!preview || preview.plan.fingerprint !== input.fingerprint)
    return failure("conflict", "That preview is not known any more: preview the change again.");
  const scope = accountScopeRefusal(user, [preview.plan.target.accountId]);
  if (scope) return scope;
  if (preview.plan.converged || preview.plan.blockers.length > 0)
    return failure("conflict", "This plan has nothing to apply: there is nothing to approve.");
  const built = await planFileOfPreview(preview, user);
  if (!built.ok) return failure("conflict", built.reason);
  const { db } = await defaultDatabase();
  const { approval } = await submitPlan(db, { ...built, changeRef: input.changeRef, user });
  revalidatePath("/changes/approvals");
  redirect(approvalPath(approval.id));
});

const decideSchema = z.object({
  id: recordId,
  decision: z.enum(["approved", "rejected"], { error: "Choose Approve or Reject." }),
  comment: z.preprocess(blank, z.string().trim().max(2000, "At most 2000 characters.").optional()),
});

/** Approve or Reject (a comment is required to reject), by an operator who did not submit the plan. */
export const decideApprovalAction = validatedAction(decideSchema, "operator", async (input, user) => {
  const { db } = await defaultDatabase();
  const decided = await decidePlan(db, {
    id: input.id,
    user,
    decision: input.decision,
    comment: input.comment,
  });
  if (!decided.ok) {
    if (decided.code === "invalid-input")
      return failure("invalid-input", decided.message, { comment: [decided.message] });
    return failure(decided.code === "not-found" ? "not-found" : decided.code, decided.message);
  }
  revalidatePath("/changes/approvals");
  revalidatePath(approvalPath(input.id));
  return success({ status: decided.approval.status });
});

/** Applies an approved plan from its page: the stored bytes, through the same gate and live re-check. */
export const applyApprovedAction = validatedAction(
  // The reason is checked by applyApproved, with the wizard's rule; the cap here only bounds the input.
  z.object({ id: recordId, overrideOwner: z.string().max(2000).optional() }),
  "operator",
  async (input, user) => {
    const { db } = await defaultDatabase();
    const approval = isRecordId(input.id) ? await findApproval(db, input.id) : undefined;
    if (!approval) return failure("not-found", "No plan was submitted under that id.");
    const scope = accountScopeRefusal(user, approval.accountIds);
    if (scope) return scope;
    const started = await applyApproved(db, approval, user, input.overrideOwner);
    if (!started.ok) return started;
    redirect(`/changes/${started.runId}`);
  },
);
