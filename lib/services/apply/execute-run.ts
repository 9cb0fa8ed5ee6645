/**
 * The body of an apply, run in the background once startApply has checked the plan and taken the lock:
 * steps in order (stop at the first failure), then the wait for the cluster to converge, then the audit.
 * Every transition is written to the database as it happens, so the progress page survives a reload.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { NEW_SECURITY_GROUP_REF, type Plan } from "@/lib/core/plan";
import { verifyAfterApply } from "@/lib/services/verify/after-apply";
import { auditTarget, connectionSnippet, VERDICT_LABELS } from "@/lib/core/readiness";
import type { FocusedSnapshot } from "@/lib/core/model/snapshot";
import type { AuditedTarget } from "@/lib/services/audit/store-target";
import type { Db } from "@/lib/adapters/db";
import { releaseLease } from "@/lib/adapters/db/leases";
import { refOf, targetKey } from "@/lib/core/identity/identity";
import type { ScopeAccess } from "@/lib/services/estate/scope-access";
import { readTarget } from "./plan-live";
import { revertWant } from "./revert";
import { adoptedResource, adoptedRule, executeStep, type StepRun } from "./execute-step";
import { LeaseLostError, startHeartbeat, type Heartbeat } from "./heartbeat";
import { updateRun } from "@/lib/adapters/db/run-updates";
import { convergence, readTargetState } from "./target-state";
import { DEFAULTS, type ApplyOptions } from "./types";
import type { ApplyRun } from "@/lib/adapters/db/run-records";
import { withWriteLog, type WriteRecord } from "@/lib/adapters/aws/write-log";
import { appendTrail } from "@/lib/adapters/db/audit-trail";
import { getApplyRun } from "@/lib/adapters/db/lookups";

export interface RunContext {
  access: ScopeAccess;
  ctx: AwsContext;
  db: Db;
  /** Set by executeRun while the run goes on. */
  heartbeat?: Heartbeat;
  runId: string;
  lockName: string;
  options: ApplyOptions;
}

const describeError = (err: unknown): string =>
  err instanceof AwsError ? err.problem.message : err instanceof Error ? err.message : String(err);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function outcomeOf(run: ApplyRun): { done: string[]; notDone: string[] } {
  return {
    done: run.steps
      .filter((s) => s.status === "done" || s.status === "skipped")
      .map((s) => `${s.title} (${s.status === "done" ? "done" : "already in place"})`),
    notDone: run.steps
      .filter((s) => s.status === "failed" || s.status === "pending" || s.status === "running")
      .map((s) => s.title),
  };
}

/** Ends a run that did not succeed, with what was and was not done (the progress page shows both). */
function finishUnsuccessful(r: ApplyRun, status: "failed" | "timed-out", message: string): void {
  r.status = status;
  r.phase = "finished";
  r.finishedAt = new Date().toISOString();
  r.outcome = outcomeOf(r);
  r.message = message;
}

async function executeSteps(rc: RunContext, plan: Plan, outputs: StepRun["outputs"]): Promise<boolean> {
  for (const [index, step] of plan.steps.entries()) {
    rc.heartbeat?.check();
    if (step.action === "no-op") {
      const stepRun = { ctx: rc.ctx, plan, outputs, runId: rc.runId };
      const adopted = adoptedResource(stepRun, step) ?? (await adoptedRule(stepRun, step));
      await updateRun(rc.db, rc.runId, (r) => {
        Object.assign(r.steps[index]!, { status: "skipped", message: step.noopReason });
        if (adopted) r.created.push(adopted);
      });
      continue;
    }
    await updateRun(rc.db, rc.runId, (r) => {
      Object.assign(r.steps[index]!, { status: "running", startedAt: new Date().toISOString() });
      r.message = `Step ${index + 1} of ${plan.steps.length}: ${step.title}`;
    });
    try {
      const result = await executeStep({ ctx: rc.ctx, plan, outputs, runId: rc.runId }, step);
      await updateRun(rc.db, rc.runId, (r) => {
        Object.assign(r.steps[index]!, {
          status: result.status,
          message: result.message,
          finishedAt: new Date().toISOString(),
        });
        if (result.created) r.created.push(result.created);
      });
    } catch (err) {
      await updateRun(rc.db, rc.runId, (r) => {
        Object.assign(r.steps[index]!, {
          status: "failed",
          message: describeError(err),
          finishedAt: new Date().toISOString(),
        });
        finishUnsuccessful(
          r,
          "failed",
          `Stopped at step ${index + 1} (${step.title}): ${describeError(err)} Nothing after it was sent. Preview again to go on from this state.`,
        );
      });
      return false;
    }
  }
  return true;
}

async function converge(rc: RunContext, plan: Plan, outputs: StepRun["outputs"]): Promise<boolean> {
  const groupStep = plan.steps.find((s) => s.kind === "modify-parameter-group");
  const network = plan.choices.network.securityGroup;
  const want = plan.revert
    ? revertWant(plan.revert)
    : {
        parameterGroupName: groupStep?.input.name ?? plan.choices.parameterGroup.name,
        securityGroupIds: [network.mode === "existing" ? network.groupId : outputs[NEW_SECURITY_GROUP_REF]!],
      };
  const limit = rc.options.timeLimitMs ?? DEFAULTS.timeLimitMs;
  const started = Date.now();
  let delay = rc.options.pollInitialMs ?? DEFAULTS.pollInitialMs;
  let polls = 0;
  let last = "not read yet";
  await updateRun(rc.db, rc.runId, (r) => {
    r.phase = "converging";
    r.convergence = { polls, since: new Date(started).toISOString(), last };
    r.message = `Waiting for ${plan.target.id} to apply the changes.`;
  });
  for (;;) {
    await sleep(Math.min(delay, Math.max(0, limit - (Date.now() - started))));
    delay = Math.min(delay * 2, rc.options.pollMaxMs ?? DEFAULTS.pollMaxMs);
    polls++;
    let stop: string | undefined;
    try {
      const state = convergence(await readTargetState(rc.ctx, refOf(plan.target)), want);
      if (state.done) {
        // Recorded even when the first poll finds it done, so the run says how long the wait was.
        await updateRun(rc.db, rc.runId, (r) => {
          r.convergence = { polls, since: new Date(started).toISOString(), last: "converged" };
        });
        return true;
      }
      if ("stuck" in state) stop = state.stuck;
      else last = state.waitingFor.join("; ");
    } catch (err) {
      if (err instanceof AwsError && !err.problem.retryable) stop = describeError(err);
      else last = `could not read the cluster (${describeError(err)}); retrying`;
    }
    const timedOut = !stop && Date.now() - started >= limit;
    await updateRun(rc.db, rc.runId, (r) => {
      r.convergence = { polls, since: new Date(started).toISOString(), last };
      r.message = `Waiting for ${plan.target.id}: ${last}.`;
      if (timedOut) {
        finishUnsuccessful(
          r,
          "timed-out",
          `Gave up waiting after ${Math.round(limit / 1000)} s: ${last}. Every step was sent and AWS keeps applying on its own; check the status page later.`,
        );
      } else if (stop) finishUnsuccessful(r, "failed", `Stopped while waiting: ${stop}`);
    });
    if (stop || timedOut) return false;
    rc.heartbeat?.check();
  }
}

/** The closing audit: the target read once converged, audited, recorded on the run, and returned as read. */
async function audit(rc: RunContext, plan: Plan): Promise<AuditedTarget | undefined> {
  await updateRun(rc.db, rc.runId, (r) => {
    r.phase = "auditing";
    r.message = `Checking ${plan.target.id} against the readiness rules.`;
  });
  let result: ReturnType<typeof auditTarget>;
  let snapshot: FocusedSnapshot | undefined;
  let problem = "";
  try {
    snapshot = await readTarget(rc.access, plan.choices.target);
    result = auditTarget(snapshot, refOf(plan.target));
  } catch (err) {
    // The changes are in place; only the closing check failed, so the run still succeeded.
    problem = ` (${describeError(err)})`;
  }
  await updateRun(rc.db, rc.runId, (r) => {
    r.readiness = result
      ? {
          verdict: result.verdict,
          findings: result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, title: f.title })),
          snippet: result.connection ? connectionSnippet(result.connection) : undefined,
        }
      : undefined;
    r.status = "succeeded";
    r.phase = "finished";
    r.finishedAt = new Date().toISOString();
    r.message = result
      ? `Done: ${plan.target.id} ${result.verdict === "ready" ? "is ready" : `reads ${VERDICT_LABELS[result.verdict]}`}.`
      : `Done, but ${plan.target.id} could not be audited${problem}: refresh its status page.`;
  });
  return snapshot && { snapshot, audit: result };
}

/**
 * Runs the apply to its end; never throws (every failure is recorded on the run). Resolves with the closing
 * audit when the run got that far, so what it found is what the status row stores.
 */
export async function executeRun(rc: RunContext, plan: Plan): Promise<AuditedTarget | undefined> {
  const outputs: StepRun["outputs"] = {};
  // Every write of the run is made through a logging context, so the trail names each AWS request id.
  const logged = withWriteLog(rc.ctx);
  rc = { ...rc, ctx: logged.ctx };
  rc.heartbeat = startHeartbeat(rc, plan.target.id);
  try {
    if (!(await executeSteps(rc, plan, outputs))) return;
    if (!(await converge(rc, plan, outputs))) return;
    const closing = await audit(rc, plan);
    // Proof on the engine after every successful apply (recorded for the detail page; never fails the run).
    if (closing?.audit) await verifyAfterApply(rc.db, closing.audit);
    return closing;
  } catch (err) {
    // A lost lease means another replica already recorded this run as interrupted: leave its record be.
    if (!(err instanceof LeaseLostError))
      await updateRun(rc.db, rc.runId, (r) =>
        finishUnsuccessful(r, "failed", `Stopped: ${describeError(err)}`),
      ).catch(() => undefined);
  } finally {
    rc.heartbeat.stop();
    await recordTrail(rc, logged.writes);
    await releaseLease(rc.db, rc.lockName, rc.runId).catch(() => undefined);
  }
}

/** The run's line in the audit trail, written once it ended (however it ended) with each write's request id. */
async function recordTrail(rc: RunContext, writes: WriteRecord[]): Promise<void> {
  const run = await getApplyRun(rc.runId, { db: rc.db }).catch(() => undefined);
  if (!run) return;
  const trail = rc.options.trail ?? { event: "applied" as const };
  await appendTrail(rc.db, {
    ...trail,
    actor: run.user.name,
    actorRole: run.user.role,
    runId: run.id,
    targets: [targetKey(run.target)],
    requestIds: writes.map((w) => ({
      operation: w.failed ? `${w.operation} (failed)` : w.operation,
      requestId: w.requestId,
    })),
    detail: [trail.detail, `run ${run.status}`].filter(Boolean).join("; "),
  }).catch((err: unknown) => console.error(`Could not write run ${run.id} to the audit trail:`, err));
}
