/**
 * One target of a plan file through the app's own apply: re-read it, refuse it when the live state moved
 * (beyond what this plan's earlier targets moved), then record it as a preview and hand it to `startApply`:
 * the browser's lock, fingerprint check, executor, convergence wait, closing audit and history.
 */
import { ApplyRefusedError, StalePlanError, type ApplyOptions } from "@/lib/services/apply/types";
import type { ApplyRun, ApplyUser } from "@/lib/adapters/db/run-records";
import { planFromLiveState } from "@/lib/services/apply/plan-live";
import { recordPreview } from "@/lib/services/apply/preview";
import { startApply } from "@/lib/services/apply/start-apply";
import { AwsError } from "@/lib/adapters/aws/errors";
import { openScope } from "@/lib/services/estate/scope-access";
import type { Plan } from "@/lib/core/plan";
import { sameSteps, unexplainedMoves } from "./plan-drift";
import { watchRun } from "./run-progress";
import type { CliIo } from "./run-audit";

export type TargetOutcome = { status: "refused"; reasons: string[] } | { status: "applied"; run: ApplyRun };

/** Why the file's plan no longer holds, or the plan to apply (the file's, or the same steps re-read). */
async function recheck(
  options: ApplyOptions,
  plan: Plan,
  applied: ReadonlySet<string>,
): Promise<{ ok: true; plan: Plan } | { ok: false; reasons: string[] }> {
  const access = await openScope(options.settings, plan.region);
  const live = await planFromLiveState(access, plan.choices);
  if (!live.ok) return { ok: false, reasons: Object.values(live.fieldErrors).flat() };
  if (live.plan.fingerprint === plan.fingerprint) return { ok: true, plan };
  const moved = unexplainedMoves(plan.facts, live.plan.facts, applied);
  if (moved.length > 0) return { ok: false, reasons: moved };
  if (!sameSteps(plan.steps, live.plan.steps))
    return { ok: false, reasons: ["Read now, the same choices give other steps than the plan file holds."] };
  return { ok: true, plan: live.plan };
}

export async function applyTarget(
  options: ApplyOptions,
  plan: Plan,
  ctx: {
    user: ApplyUser;
    applied: ReadonlySet<string>;
    io: CliIo;
    watchEveryMs?: number;
    /** `--override-owner`: lets a target whose owned resources the plan writes be applied (and says why). */
    overrideReason?: string;
  },
): Promise<TargetOutcome> {
  try {
    const checked = await recheck(options, plan, ctx.applied);
    if (!checked.ok) return { status: "refused", reasons: checked.reasons };
    const preview = await recordPreview({ ...options, plan: checked.plan, user: ctx.user });
    const started = await startApply({
      ...options,
      user: ctx.user,
      previewId: preview.id,
      origin: "cli",
      ownerGuard: { overrideReason: ctx.overrideReason },
    });
    const run = await watchRun(options, started, ctx.io, ctx.watchEveryMs);
    return { status: "applied", run };
  } catch (err) {
    if (err instanceof StalePlanError) return { status: "refused", reasons: err.changes };
    if (err instanceof ApplyRefusedError) return { status: "refused", reasons: [err.message] };
    if (err instanceof AwsError) return { status: "refused", reasons: [err.problem.message] };
    throw err;
  }
}
