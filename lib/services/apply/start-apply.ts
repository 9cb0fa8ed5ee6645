/**
 * Starts an apply from a stored preview: operators only, one apply per cluster at a time, and only when the
 * live state still has the preview's fingerprint. Returns at once with the run id; the run goes on in the
 * background inside the server process and records its progress in the database.
 */
import { diffFingerprintInputs, type Plan } from "@/lib/core/plan";
import { refOf, targetKey, type NodeTargetRef } from "@/lib/core/identity/identity";
import type { ScopeAccess } from "@/lib/services/estate/scope-access";
import { acquireLease, releaseLease, renewLease } from "@/lib/adapters/db/leases";
import { scopeFor } from "./plan-live";
import { replanFromLiveState } from "./revert";
import { ownedWritesOf, ownerLookupOf } from "./owner-check";
import { ownedWriteLine } from "@/lib/core/plan/owned-writes";
import type { FocusedSnapshot } from "@/lib/core/model/snapshot";
import { executeRun } from "./execute-run";
import type { AuditedTarget } from "@/lib/services/audit/store-target";
import { dbOf } from "@/lib/adapters/db";
import { mayChange } from "@/lib/core/approvals/gate";
import { insertRun } from "@/lib/adapters/db/runs";
import { getApplyRun } from "@/lib/adapters/db/lookups";
import { getPreview } from "@/lib/adapters/db/lookups";
import { newId } from "@/lib/adapters/db/record-id";
import { ApplyRefusedError, DEFAULTS, StalePlanError, type ApplyOptions } from "./types";
import type { ApplyRun, ApplyUser, OwnerOverride } from "@/lib/adapters/db/run-records";

export interface StartedApply {
  runId: string;
  /** Settles when the run ends (never rejects); server actions ignore it, tests await it. */
  finished: Promise<ApplyRun>;
  /** Settles with `finished`: the run's closing audit, as read, when it got that far (else undefined). */
  closing: Promise<AuditedTarget | undefined>;
}

const clock = (iso: string) => `${iso.slice(11, 16)} UTC`;

/**
 * Re-reads live state and recomputes the plan; throws StalePlanError when it is not the previewed one.
 * Also returns the plan's writes to what a CloudFormation stack or Terraform owns, from the same read.
 */
async function recompute(access: ScopeAccess, preview: Plan): Promise<{ plan: Plan; owned: string[] }> {
  let snapshot: FocusedSnapshot | undefined;
  const result = await replanFromLiveState(access, preview, (s) => (snapshot = s));
  if (!result.ok) throw new StalePlanError(Object.values(result.fieldErrors).flat());
  if (result.plan.fingerprint !== preview.fingerprint) {
    const changes = diffFingerprintInputs(preview.facts, result.plan.facts);
    throw new StalePlanError(
      changes.length > 0 ? changes : ["The plan's inputs differ from the preview's."],
      result.plan,
    );
  }
  const owned = snapshot ? ownedWritesOf(result.plan, ownerLookupOf(snapshot)).owned.map(ownedWriteLine) : [];
  return { plan: result.plan, owned };
}

export async function startApply(
  options: ApplyOptions & {
    user: ApplyUser;
    previewId: string;
    origin?: ApplyRun["origin"];
    /**
     * The owner guard, which every caller states: a plan that writes what a CloudFormation stack or
     * Terraform owns is refused unless `overrideReason` says why, and then the reason and what was owned
     * are recorded on the run. Checked from apply's own re-read. `"off"` is for tests and test tools that
     * apply a fixed plan on purpose; every entry point a person uses (the wizard, the revert, an approved
     * plan, `npm run apply`) passes the guard.
     */
    ownerGuard: { overrideReason?: string } | "off";
  },
): Promise<StartedApply> {
  if (!mayChange(options.user.role))
    throw new ApplyRefusedError("forbidden", "Only operators can apply changes.");
  const db = await dbOf(options);
  const preview = await getPreview(options.previewId, { db });
  if (!preview)
    throw new ApplyRefusedError(
      "no-preview",
      "That preview is not known (or has expired): preview the change again.",
    );
  const { region, target } = preview.plan;
  const runId = newId();
  const lockName = `apply/${targetKey(target)}`;
  const leaseMs = options.staleAfterMs ?? DEFAULTS.staleAfterMs;
  const lock = await acquireLease(db, lockName, { owner: runId, holder: options.user.name }, { leaseMs });
  if (!lock.ok) {
    throw new ApplyRefusedError(
      "busy",
      `An apply on ${target.id} is already running (started by ${lock.lease.holder} at ${clock(lock.lease.acquiredAt)}).`,
    );
  }
  let plan: Plan;
  let access: ScopeAccess;
  let ownerOverride: OwnerOverride | undefined;
  try {
    access = await scopeFor(options.settings, preview.plan.choices);
    const checked = await recompute(access, preview.plan);
    plan = checked.plan;
    if (plan.blockers.length > 0) throw new ApplyRefusedError("blocked", plan.blockers.join(" "));
    // The owner's next deploy would undo the change: refused unless someone says why (and it is recorded).
    const guard = options.ownerGuard === "off" ? undefined : options.ownerGuard;
    if (guard && checked.owned.length > 0) {
      if (!guard.overrideReason)
        throw new ApplyRefusedError(
          "owned",
          `The plan changes what another tool owns: ${checked.owned.join(" ")} Give a reason to apply anyway.`,
        );
      ownerOverride = { reason: guard.overrideReason, owned: checked.owned };
    }
    // Re-reading AWS can outlast the lease; the heartbeat only starts with the run, so renew it here.
    if (!(await renewLease(db, lockName, runId, { leaseMs })))
      throw new ApplyRefusedError("busy", `Another apply took ${target.id} while this one was checking it.`);
  } catch (err) {
    await releaseLease(db, lockName, runId);
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
    ...(ownerOverride ? { ownerOverride } : {}),
  };
  await insertRun(db, run);
  const rc = { access, ctx: access.ctx, db, runId, lockName, options };
  const closing = executeRun(rc, plan);
  const finished = closing.then(async () => (await getApplyRun(runId, { db }))!);
  return { runId, finished, closing };
}
