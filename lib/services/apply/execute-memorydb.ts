/**
 * The MemoryDB cluster step, idempotent like the ElastiCache ones: re-check whether the effect is there
 * first, treat AWS's "no operation" answer as done. Its parameter group steps are the ElastiCache ones over
 * MemoryDB's calls (execute-parameter-group.ts).
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import { updateMemoryDbCluster } from "@/lib/adapters/aws/memorydb/writes";
import { refOf } from "@/lib/core/identity/identity";
import type { PlanStep, StepRef } from "@/lib/core/plan";
import type { StepOutcome, StepRun } from "./execute-step";
import { hasAttachments, readTargetState } from "./target-state";

type StepOf<K extends PlanStep["kind"]> = Extract<PlanStep, { kind: K }>;

const isCode = (err: unknown, code: string) => err instanceof AwsError && err.problem.code === code;

/** Re-reads the cluster first: a resumed run whose UpdateCluster already went through sends nothing. */
export async function updateMemoryDbClusterStep(
  run: StepRun,
  step: StepOf<"update-memorydb-cluster">,
  resolve: (value: string | StepRef) => string,
): Promise<StepOutcome> {
  const { name } = step.input;
  const change = {
    parameterGroupName: step.input.parameterGroupName,
    securityGroupIds: step.input.securityGroupIds?.map(resolve),
  };
  const state = await readTargetState(run.ctx, {
    ...refOf(run.plan.target),
    kind: "memorydb-cluster",
    id: name,
  });
  const want = {
    cacheParameterGroupName: change.parameterGroupName,
    securityGroupIds: change.securityGroupIds,
  };
  if (hasAttachments(state, want))
    return { status: "skipped", message: `${name} already has what this step attaches.` };
  try {
    await updateMemoryDbCluster(run.ctx, name, change);
  } catch (err) {
    if (isCode(err, "no-change"))
      return { status: "done", message: "AWS answered NoOperationFault: already converged." };
    throw err;
  }
  return { status: "done", message: `Sent UpdateCluster; ${name} is applying it.` };
}
