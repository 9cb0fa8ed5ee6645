/**
 * Resume: the stopped run's own choices, previewed again with its id. Whatever that run created carries its
 * run id and target in its tags, so the planner takes it up (a no-op step) instead of asking to create it a
 * second time, which AWS would refuse by name; the preview from these answers converges with no new resource.
 */
import type { ApplyRun } from "@/lib/adapters/db/run-records";
import { paramsOf } from "@/lib/web/wizard/choices";
import type { WizardParams } from "@/lib/web/wizard/params";

/** Only a run that stopped before its end can be resumed; a succeeded one has nothing left to do. */
export function canResume(run: Pick<ApplyRun, "status">): boolean {
  return run.status === "failed" || run.status === "interrupted" || run.status === "timed-out";
}

export function resumeParams(run: Pick<ApplyRun, "id" | "plan" | "target">): WizardParams {
  // Every run of a resume chain tags with the first run's id, so resuming any of them names that one.
  // The run's account, even for a run whose choices left it to the credentials.
  return {
    ...paramsOf(run.plan.choices),
    account: run.target.accountId,
    resume: run.plan.choices.resume?.runId ?? run.id,
  };
}
