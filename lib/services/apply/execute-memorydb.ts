/**
 * The MemoryDB steps, each idempotent like the ElastiCache ones: re-check whether the effect is there first
 * (a resumed run finds the group it created by name, tagged with its run id, and does not create a second),
 * treat AWS's "already exists" and "no operation" answers as done.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import { listMemoryDbParameterGroups, listMemoryDbParameters } from "@/lib/adapters/aws/memorydb/reads";
import {
  createMemoryDbParameterGroup,
  updateMemoryDbCluster,
  updateMemoryDbParameterGroup,
} from "@/lib/adapters/aws/memorydb/writes";
import { refOf } from "@/lib/core/identity/identity";
import type { PlanStep, StepRef } from "@/lib/core/plan";
import type { StepOutcome, StepRun } from "./execute-step";
import { hasAttachments, readTargetState } from "./target-state";

type StepOf<K extends PlanStep["kind"]> = Extract<PlanStep, { kind: K }>;

const isCode = (err: unknown, code: string) => err instanceof AwsError && err.problem.code === code;
const now = () => new Date().toISOString();

export async function createMemoryDbGroup(
  run: StepRun,
  step: StepOf<"create-memorydb-parameter-group">,
  tags: StepOf<"create-memorydb-parameter-group">["tags"],
): Promise<StepOutcome> {
  const { name, family, description } = step.input;
  const found = await listMemoryDbParameterGroups(run.ctx, { name }).catch((err) =>
    isCode(err, "not-found") ? [] : Promise.reject(err),
  );
  const existing = found.find((g) => g.name === name);
  if (existing && existing.family !== family)
    throw new Error(`${name} exists with family ${existing.family}, not ${family}.`);
  if (existing) return { status: "skipped", message: `${name} already exists (family ${family}).` };
  try {
    await createMemoryDbParameterGroup(run.ctx, { name, family, description, tags });
  } catch (err) {
    if (isCode(err, "already-exists")) return { status: "done", message: `AWS says ${name} exists already.` };
    throw err;
  }
  return {
    status: "done",
    message: `Created ${name}.`,
    created: { type: "memorydb-parameter-group", region: run.ctx.region, name, family, createdAt: now() },
  };
}

export async function updateMemoryDbGroup(
  run: StepRun,
  step: StepOf<"update-memorydb-parameter-group">,
): Promise<StepOutcome> {
  const { name, values } = step.input;
  const said = values.map((v) => `${v.name}=${v.value}`).join(", ");
  const current = await listMemoryDbParameters(run.ctx, name);
  if (values.every((v) => current.find((p) => p.name === v.name)?.value === v.value))
    return { status: "skipped", message: `${name} already has ${said}.` };
  await updateMemoryDbParameterGroup(run.ctx, name, values);
  return { status: "done", message: `Set ${said}.` };
}

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
