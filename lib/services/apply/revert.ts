/**
 * "Revert this apply": the preview of putting a cluster back on the parameter group and security groups a
 * finished run replaced, recorded like any preview so startApply holds it to the same fingerprint check,
 * lock, heartbeat and executor. A stopped revert resumes by previewing the revert of the same run again:
 * it creates nothing, and a cluster already back makes its one step a no-op.
 */
import {
  computeRevertPlan,
  PlanInputError,
  revertSpecOf,
  type FieldErrors,
  type Plan,
  type PlanResult,
  type RevertSpec,
  type WizardChoices,
} from "@/lib/core/plan";
import type { ScopeAccess } from "@/lib/services/estate/scope-access";
import type { FocusedSnapshot } from "@/lib/core/model/snapshot";
import { planFromLiveState, readTarget, scopeFor } from "./plan-live";
import { checkPermissions, type PreviewResult } from "./preview";
import { findRevertsOf } from "@/lib/adapters/db/reverts";
import { dbOf } from "@/lib/adapters/db";
import { getApplyRun } from "@/lib/adapters/db/lookups";
import { isRecordId } from "@/lib/adapters/db/record-id";
import { savePreview } from "@/lib/adapters/db/previews";
import type { ApplyOptions } from "./types";
import type { ApplyRun, ApplyUser } from "@/lib/adapters/db/run-records";

/** The reverted run's own choices name the target; a revert resumes nothing the wizard created. */
function choicesOf(run: Pick<ApplyRun, "plan">): WizardChoices {
  const choices = { ...run.plan.choices };
  delete choices.resume;
  return choices;
}

/** The revert's plan from live state read now, or field errors (`revert.*`) saying why it cannot be. */
export async function revertPlanFromLiveState(
  access: ScopeAccess,
  choices: WizardChoices,
  spec: RevertSpec,
  seen?: (snapshot: FocusedSnapshot) => void,
): Promise<PlanResult> {
  const groups = spec.parameterGroup ? [spec.parameterGroup.before] : [];
  const snapshot = await readTarget(access, choices.target, groups);
  seen?.(snapshot);
  try {
    return { ok: true, plan: computeRevertPlan(snapshot, choices, spec) };
  } catch (err) {
    if (err instanceof PlanInputError) return { ok: false, fieldErrors: err.fieldErrors };
    throw err;
  }
}

/** Apply's re-check: the plan recomputed the way it was made (a revert, or the wizard's choices). */
export function replanFromLiveState(
  access: ScopeAccess,
  plan: Plan,
  seen?: (snapshot: FocusedSnapshot) => void,
): Promise<PlanResult> {
  return plan.revert
    ? revertPlanFromLiveState(access, plan.choices, plan.revert, seen)
    : planFromLiveState(access, plan.choices, seen);
}

/** Whether the run can be reverted at all, from its record alone (no AWS call): the run page's button. */
export function revertability(run: ApplyRun): { ok: true } | { ok: false; reason: string } {
  const spec = revertSpecOf(run);
  return spec.ok ? { ok: true } : spec;
}

/**
 * The revert's binding preview. `not-found` for an unknown run; field errors when the run recorded too
 * little to know "before" or the cluster moved since in a way the revert would clobber.
 */
export async function previewRevert(
  options: ApplyOptions & { runId: string; user?: ApplyUser },
): Promise<PreviewResult | { ok: false; notFound: true; fieldErrors: FieldErrors }> {
  const db = await dbOf(options);
  const run = await getApplyRun(options.runId, { db, staleAfterMs: options.staleAfterMs });
  if (!run) return { ok: false, notFound: true, fieldErrors: { revert: ["No apply run with that id."] } };
  const spec = revertSpecOf(run);
  if (!spec.ok) return { ok: false, fieldErrors: { revert: [spec.reason] } };
  const choices = choicesOf(run);
  const access = await scopeFor(options.settings, choices);
  const result = await revertPlanFromLiveState(access, choices, spec.spec);
  if (!result.ok) return result;
  const permissions = await checkPermissions(access.ctx, result.plan);
  const stored = await savePreview(db, result.plan, options.user);
  return { ok: true, previewId: stored.id, plan: result.plan, permissions };
}

/** What the convergence wait looks for after a revert: the previous group, and exactly the previous list. */
export function revertWant(spec: RevertSpec): {
  parameterGroupName?: string;
  securityGroupIds: string[];
  exactSecurityGroups: boolean;
} {
  return {
    parameterGroupName: spec.parameterGroup?.before,
    securityGroupIds: spec.securityGroups?.before ?? [],
    exactSecurityGroups: spec.securityGroups !== undefined,
  };
}

/** The runs that reverted `runId`, newest first (the run page says "Reverted by …"). */
export async function listRevertsOf(
  runId: string,
  opts: Pick<ApplyOptions, "db" | "staleAfterMs"> = {},
): Promise<ApplyRun[]> {
  if (!isRecordId(runId)) return [];
  const db = await dbOf(opts);
  await getApplyRun(runId, { db, staleAfterMs: opts.staleAfterMs }); // sweeps stale runs first
  return findRevertsOf(db, runId);
}
