/**
 * Starts an apply from a stored preview: operators only, one apply per cluster at a time, and only when the
 * live state still has the preview's fingerprint. Returns at once with the run id; the run goes on in the
 * background inside the server process and records its progress in the store.
 */
import { diffFingerprintInputs, type Plan } from "@/lib/plan";
import { refOf, targetKey, type NodeTargetRef, type ScopeAccess } from "@/lib/inventory";
import { acquireLock, releaseLock } from "@/lib/store";
import { planFromLiveState, scopeFor } from "@/lib/apply/plan-live";
import { executeRun } from "@/lib/apply/execute-run";
import { getApplyRun, getPreview, newId, storeOf, writeRun } from "@/lib/apply/run-store";
import {
  ApplyRefusedError,
  DEFAULTS,
  StalePlanError,
  type ApplyOptions,
  type ApplyRun,
  type ApplyUser,
} from "@/lib/apply/types";

export interface StartedApply {
  runId: string;
  /** Settles when the run ends (never rejects); server actions ignore it, tests await it. */
  finished: Promise<ApplyRun>;
}

const clock = (iso: string) => `${iso.slice(11, 16)} UTC`;

/** Re-reads live state and recomputes the plan; throws StalePlanError when it is not the previewed one. */
async function recompute(access: ScopeAccess, preview: Plan): Promise<Plan> {
  const result = await planFromLiveState(access, preview.choices);
  if (!result.ok) throw new StalePlanError(Object.values(result.fieldErrors).flat());
  if (result.plan.fingerprint !== preview.fingerprint) {
    const changes = diffFingerprintInputs(preview.facts, result.plan.facts);
    throw new StalePlanError(
      changes.length > 0 ? changes : ["The plan's inputs differ from the preview's."],
      result.plan,
    );
  }
  return result.plan;
}

export async function startApply(
  options: ApplyOptions & { user: ApplyUser; previewId: string; origin?: ApplyRun["origin"] },
): Promise<StartedApply> {
  if (options.user.role !== "operator")
    throw new ApplyRefusedError("forbidden", "Only operators can apply changes.");
  const store = storeOf(options);
  const preview = await getPreview(store, options.previewId);
  if (!preview)
    throw new ApplyRefusedError(
      "no-preview",
      "That preview is not known (or has expired): preview the change again.",
    );
  const { region, target } = preview.plan;
  const runId = newId();
  const lockName = `apply/${targetKey(target)}`;
  const lock = await acquireLock(
    store,
    lockName,
    { owner: runId, user: options.user.name },
    { staleAfterMs: options.staleAfterMs ?? DEFAULTS.staleAfterMs },
  );
  if (!lock.ok) {
    throw new ApplyRefusedError(
      "busy",
      `An apply on ${target.id} is already running (started by ${lock.holder.user} at ${clock(lock.holder.acquiredAt)}).`,
    );
  }
  let plan: Plan;
  let access: ScopeAccess;
  try {
    access = await scopeFor(options.settings, preview.plan.choices);
    plan = await recompute(access, preview.plan);
    if (plan.blockers.length > 0) throw new ApplyRefusedError("blocked", plan.blockers.join(" "));
  } catch (err) {
    await releaseLock(store, lockName, runId);
    throw err;
  }
  const now = new Date().toISOString();
  const run: ApplyRun = {
    id: runId,
    region,
    target: refOf(target) as NodeTargetRef,
    user: options.user,
    origin: options.origin ?? "browser",
    startedAt: now,
    heartbeatAt: now,
    status: "running",
    phase: "executing",
    message: `Starting: ${plan.summaryLine}`,
    plan,
    steps: plan.steps.map((s) => ({ id: s.id, title: s.title, operation: s.operation, status: "pending" })),
    created: [],
  };
  await writeRun(store, run);
  const rc = { access, ctx: access.ctx, store, runId, lockName, options };
  const finished = executeRun(rc, plan).then(async () => (await getApplyRun(runId, { store }))!);
  return { runId, finished };
}
