import "server-only";
import type { Db } from "@/lib/adapters/db";
import type { StoredApproval } from "@/lib/adapters/db/approvals";
import { parsePlanFile, planSigningKey } from "@/lib/core/plan-file";
import { approvalPolicy } from "@/lib/services/approvals/policy";
import { gatePlanFile } from "@/lib/services/approvals/gate";
import { recordPreview } from "@/lib/services/apply/preview";
import { startApply } from "@/lib/services/apply/start-apply";
import { refreshStoredTargetLater } from "@/lib/services/audit/refresh-target";
import { failure } from "@/lib/web/actions/action-result";
import type { SessionUser } from "@/lib/web/auth/roles";
import { applyFailure } from "@/lib/web/wizard/apply-failure";
import { wizardSettings } from "@/lib/web/wizard/live";
import { ownerOverrideOf } from "@/lib/web/wizard/owner-override";

/**
 * Starts the apply of an approved plan: its stored bytes are read back through the plan file's own checks
 * (hash, signature), the gate must be open (approved, not expired), and the apply re-reads live state and
 * refuses a target that moved since the plan was made; a plan that changes what another tool owns needs a
 * reason to apply anyway. A plan of several targets applies with
 * `npm run apply`, which waits for each in turn.
 */
export async function applyApproved(
  db: Db,
  approval: StoredApproval,
  user: SessionUser,
  overrideOwner?: string,
): Promise<{ ok: true; runId: string } | ReturnType<typeof failure>> {
  // An approval is a second person's yes to the plan, not to changing what CloudFormation or Terraform
  // owns behind its back: that still needs its own reason, as in the wizard and `npm run apply`.
  const override = ownerOverrideOf(overrideOwner);
  if (!override.ok) return override;
  const key = planSigningKey(process.env);
  if (!key.ok) return failure("conflict", key.reason);
  const read = parsePlanFile(approval.planText, { key: key.key, allowUnsigned: true });
  if (!read.ok) return failure("conflict", read.reason);
  const policy = approvalPolicy();
  if (!policy.ok) return failure("conflict", policy.reason);
  // Applying from the approval page always needs the approval, whatever the policy says now.
  const strict = { ...policy.policy, everywhere: true };
  const gate = await gatePlanFile(db, {
    file: read.file,
    text: approval.planText,
    policy: strict,
    actor: user.name,
  });
  if (!gate.open) return failure("conflict", `Nothing was applied: ${gate.reason}`);
  if (read.file.targets.length !== 1)
    return failure(
      "conflict",
      `This plan changes ${read.file.targets.length} targets: apply it with \`npm run apply\`, which applies them one after another.`,
    );
  const { plan } = read.file.targets[0]!;
  const setup = await wizardSettings(plan.target.accountId, "apply");
  if (!setup.ok) return failure(setup.problem.code, setup.problem.message);
  const applier = { name: user.name, role: user.role };
  try {
    const preview = await recordPreview({ db, plan, user: applier });
    const started = await startApply({
      settings: setup.settings,
      db,
      user: applier,
      previewId: preview.id,
      trail: {
        event: plan.revert ? "reverted" : "applied",
        approvalId: approval.id,
        planHash: approval.planHash,
        changeRef: approval.changeRef,
      },
      ownerGuard: { overrideReason: override.reason },
    });
    void Promise.all([started.finished, started.closing]).then(
      ([run, audited]) => refreshStoredTargetLater(run.target, audited),
      () => undefined,
    );
    return { ok: true, runId: started.runId };
  } catch (err) {
    const refused = applyFailure(err);
    if (refused) return refused;
    throw err;
  }
}
