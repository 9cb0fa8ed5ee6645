/**
 * The wizard answers that continue a run that stopped half way: what the run already created is now
 * part of the account, so the new preview reuses it instead of asking to create it a second time (which
 * AWS would refuse). The preview from these answers converges: done steps show as no-ops.
 */
import type { ApplyRun } from "@/lib/apply";
import { paramsOf } from "@/lib/wizard/choices";
import type { WizardParams } from "@/lib/wizard/params";

const finished = (run: Pick<ApplyRun, "steps">, id: string) =>
  run.steps.some((s) => s.id === id && (s.status === "done" || s.status === "skipped"));

export function resumeParams(run: Pick<ApplyRun, "plan" | "steps" | "created">): WizardParams {
  const params = paramsOf(run.plan.choices);
  const pg = run.plan.choices.parameterGroup;
  if (pg.mode === "create" && finished(run, "create-parameter-group")) {
    // The group exists now. With noeviction already set it is reused; else it is ours and unused, so edit it.
    Object.assign(params, finished(run, "modify-parameter-group") ? { pg: "reuse" } : { pg: "edit-shared" });
  }
  const newGroup = run.created.find((c) => c.type === "security-group");
  if (params.sg === "new" && newGroup?.type === "security-group") {
    Object.assign(params, { sg: "existing", sgId: newGroup.groupId });
    delete params.sgName;
  }
  return params;
}
