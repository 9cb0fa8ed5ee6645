"use server";
import { z } from "zod";
import { failure, success } from "@/lib/web/actions/action-result";
import { validatedAction } from "@/lib/web/actions/validated-action";
import { getApplyRun } from "@/lib/adapters/db/lookups";
import { undoCandidates, undoResource } from "@/lib/services/apply/undo";
import { refreshStoredTargetLater } from "@/lib/services/audit/refresh-target";
import { AwsError } from "@/lib/adapters/aws/errors";
import { accountIdSchema } from "@/lib/core/identity/identity";
import { wizardSettings } from "@/lib/web/wizard/live";
import { candidateKey } from "./undo-key";
import { accountScopeRefusal } from "@/lib/web/approvals/apply-gate";

const undoFormSchema = z.object({
  account: accountIdSchema,
  key: z.string().min(1).max(600),
  confirm: z.literal("yes", { error: "Tick the box to confirm the removal." }),
});

/**
 * Removes one resource QueueReady created and nothing uses any more (operators only). The form names the
 * candidate by key; only a key among the current candidates is acted on, so a hand-made POST cannot
 * delete a group QueueReady did not create.
 */
export const removeResourceAction = validatedAction(undoFormSchema, "operator", async (input, user) => {
  const scope = accountScopeRefusal(user, [input.account]);
  if (scope) return scope;
  // Found with the account's read settings, as the page listed it; removed with its apply settings.
  const read = await wizardSettings(input.account, "read");
  if (!read.ok) return failure(read.problem.code, read.problem.message);
  const candidates = await undoCandidates({ settings: read.settings });
  const candidate = candidates.find((c) => candidateKey(c) === input.key);
  if (!candidate)
    return failure("conflict", "That resource is in use again or already gone: nothing was removed.");
  const apply = await wizardSettings(input.account, "apply");
  if (!apply.ok) return failure(apply.problem.code, apply.problem.message);
  let message: string;
  try {
    message = await undoResource({
      settings: apply.settings,
      user: { name: user.name, role: user.role },
      candidate,
    });
  } catch (err) {
    // undoResource re-checks right before deleting; its refusal is an expected answer, not a crash, and so is
    // AWS refusing because something QueueReady cannot see still uses the group (DependencyViolation).
    if (err instanceof AwsError && err.problem.code === "invalid-state")
      return failure("conflict", err.problem.message);
    if (err instanceof Error && err.name !== "AwsError") return failure("conflict", err.message);
    // The apply role cannot be assumed, or may not delete: say so, nothing was removed.
    if (err instanceof AwsError)
      return failure(err.problem.code, `Nothing was removed. ${err.problem.message}`);
    throw err;
  }
  // The cluster of the run that created it is read again, so its stored status row follows.
  const run = await getApplyRun(candidate.runId).catch(() => undefined);
  if (run) await refreshStoredTargetLater(run.target);
  // No revalidatePath: re-rendering the list now would drop this row and its confirmation with it.
  return success({ message });
});
