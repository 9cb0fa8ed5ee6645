"use server";
import { z } from "zod";
import { failure } from "@/lib/web/actions/action-result";
import { validatedAction } from "@/lib/web/actions/validated-action";
import { getPreview } from "@/lib/adapters/db/lookups";
import { applyPlanAction } from "@/lib/web/wizard/apply-action";

const recordId = (what: string) =>
  z.string().regex(/^[0-9a-z-]{1,64}$/, `The ${what} id is malformed: preview the revert again.`);

const revertFormSchema = z.object({
  runId: recordId("run"),
  previewId: recordId("preview"),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "The preview fingerprint is malformed: preview again."),
  overrideReason: z.string().max(500).optional(),
  /** Why a revert that writes what another tool owns goes ahead anyway (checked by the apply action). */
  overrideOwner: z.string().max(2000).optional(),
});

/**
 * Applies a revert's preview (operators only: validatedAction refuses anyone else before anything runs).
 * The preview must be the revert of the run the page names, so a form replayed with a wizard preview's id
 * cannot pass for a revert; the rest is the wizard's apply (fingerprint, lock, heartbeat, history).
 */
export const applyRevertAction = validatedAction(revertFormSchema, "operator", async (input) => {
  const preview = await getPreview(input.previewId);
  if (!preview) return failure("conflict", "That preview is not known any more: preview the revert again.");
  if (preview.plan.revert?.runId !== input.runId)
    return failure(
      "conflict",
      `That preview is not a revert of run ${input.runId}: preview the revert again.`,
    );
  return applyPlanAction(null, {
    previewId: input.previewId,
    fingerprint: input.fingerprint,
    overrideReason: input.overrideReason,
    ...(input.overrideOwner !== undefined ? { overrideOwner: input.overrideOwner } : {}),
  });
});
