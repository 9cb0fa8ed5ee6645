/**
 * Runs one plan step idempotently: first re-check whether its effect is already there (skip), then make
 * the call, treating AWS's "already exists" and "no modifications" answers as done. Throws AwsError on failure.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import { authorizeIngress, createSecurityGroup } from "@/lib/adapters/aws/ec2/writes";
import { modifyCacheCluster, modifyReplicationGroup } from "@/lib/adapters/aws/elasticache/writes";
import { listSecurityGroupRules, listSecurityGroups } from "@/lib/adapters/aws/ec2/reads";
import { putMetricAlarm } from "@/lib/adapters/aws/cloudwatch/writes";
import { findMetricAlarm } from "@/lib/adapters/aws/cloudwatch/reads";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { refOf, targetKey } from "@/lib/core/identity/identity";
import type { Tag } from "@/lib/core/model/resources";
import {
  alarmDescriptionOf,
  alarmPutByRun,
  createdByRun,
  isStepRef,
  NEW_SECURITY_GROUP_REF,
  ruleCoversPort,
  sameSource,
  type AuthorizeIngressStep,
  type CreateSecurityGroupStep,
  type ModifyClusterStep,
  type Plan,
  type PlanStep,
  type PutMetricAlarmStep,
  type StepRef,
  RUN_TAG,
} from "@/lib/core/plan";
import { hasAttachments, readTargetState } from "./target-state";
import { updateMemoryDbClusterStep } from "./execute-memorydb";
import {
  createGroupStep,
  ELASTICACHE_GROUPS,
  MEMORYDB_GROUPS,
  setValuesStep,
} from "./execute-parameter-group";
import type { CreatedResource } from "@/lib/adapters/db/run-records";

export interface StepRun {
  ctx: AwsContext;
  plan: Plan;
  /** Tagged on everything the run creates, so a resume finds it even if the run died before recording it. */
  runId: string;
  /** Values later steps refer to, e.g. `step:create-security-group.GroupId` → `sg-...`. */
  outputs: Record<string, string>;
}

export type StepOutcome = { status: "done" | "skipped"; message: string; created?: CreatedResource };

const now = () => new Date().toISOString();

function resolve(run: StepRun, value: string | StepRef): string {
  if (!isStepRef(value)) return value;
  const resolved = run.outputs[value.ref];
  if (!resolved) throw new Error(`${value.ref} is not known: the step that produces it did not run.`);
  return resolved;
}

const isCode = (err: unknown, code: string) => err instanceof AwsError && err.problem.code === code;

/** A resume tags with the id of the run it resumes, so a resume of a resume still finds the first run's. */
const runTags = (run: StepRun, step: PlanStep): Tag[] => [
  ...(step.tags ?? []),
  { key: RUN_TAG, value: run.plan.choices.resume?.runId ?? run.runId },
];

/**
 * What a no-op create step stands for when the run being resumed made the resource: the id later steps need,
 * and a record on this run, so undo finds it even when the first run died before recording it.
 */
export function adoptedResource(run: StepRun, step: PlanStep): CreatedResource | undefined {
  if (step.kind === "create-security-group" && step.input.existingId) {
    run.outputs[NEW_SECURITY_GROUP_REF] = step.input.existingId;
    const { groupName: name, vpcId } = step.input;
    const groupId = step.input.existingId;
    return { type: "security-group", region: run.ctx.region, groupId, name, vpcId, createdAt: now() };
  }
  if (step.kind === "create-parameter-group" && run.plan.choices.resume) {
    const { name, family } = step.input;
    return { type: "cache-parameter-group", region: run.ctx.region, name, family, createdAt: now() };
  }
  if (step.kind === "create-memorydb-parameter-group" && run.plan.choices.resume) {
    const { name, family } = step.input;
    return { type: "memorydb-parameter-group", region: run.ctx.region, name, family, createdAt: now() };
  }
  return undefined;
}

async function createGroup(run: StepRun, step: CreateSecurityGroupStep): Promise<StepOutcome> {
  const { groupName: name, description, vpcId } = step.input;
  const existing = (await listSecurityGroups(run.ctx, { vpcId })).find(
    (g) => g.name.toLowerCase() === name.toLowerCase(),
  );
  if (existing) {
    run.outputs[NEW_SECURITY_GROUP_REF] = existing.id;
    return { status: "skipped", message: `${name} already exists as ${existing.id}; it is used as is.` };
  }
  const group = await createSecurityGroup(run.ctx, { name, description, vpcId, tags: runTags(run, step) });
  run.outputs[NEW_SECURITY_GROUP_REF] = group.id;
  return {
    status: "done",
    message: `Created ${group.id}.`,
    created: {
      type: "security-group",
      region: run.ctx.region,
      groupId: group.id,
      name,
      vpcId,
      createdAt: now(),
    },
  };
}

/**
 * The rule `step` asks for, as it is in the group now (if it is), and whether this run (or the run it
 * resumes) added it: its tags say so, put on at creation.
 */
async function currentRule(run: StepRun, step: AuthorizeIngressStep, groupId: string) {
  const { port, source } = step.input;
  const rules = await listSecurityGroupRules(run.ctx, [groupId]);
  const same = rules.find((r) => ruleCoversPort(r, port) && sameSource(r.source, source));
  const resumed = run.plan.choices.resume?.runId ?? run.runId;
  const ours = same !== undefined && createdByRun(same.tags, resumed, targetKey(refOf(run.plan.target)));
  return { same, ours };
}

const ingressRecord = (
  run: StepRun,
  groupId: string,
  ruleIds: string[],
  description: string,
): CreatedResource => ({
  type: "ingress-rule",
  region: run.ctx.region,
  groupId,
  ruleIds,
  description,
  createdAt: now(),
});

/**
 * A rule the resumed run added before it died (tagged with its id) is recorded on this run, so undo
 * offers it; a rule someone else added is only reused.
 */
export async function adoptedRule(run: StepRun, step: PlanStep): Promise<CreatedResource | undefined> {
  if (step.kind !== "authorize-ingress" || !run.plan.choices.resume) return undefined;
  if (isStepRef(step.input.groupId) && !run.outputs[step.input.groupId.ref]) return undefined;
  const groupId = resolve(run, step.input.groupId);
  const { same, ours } = await currentRule(run, step, groupId);
  return ours && same?.ruleId
    ? ingressRecord(run, groupId, [same.ruleId], step.input.description)
    : undefined;
}

async function authorize(run: StepRun, step: AuthorizeIngressStep): Promise<StepOutcome> {
  const groupId = resolve(run, step.input.groupId);
  const { port, source, description } = step.input;
  const { same, ours } = await currentRule(run, step, groupId);
  if (same && ours && same.ruleId)
    return {
      status: "skipped",
      message: `${groupId} already has the rule (${same.ruleId}), added by this run before it stopped: it is recorded for undo.`,
      created: ingressRecord(run, groupId, [same.ruleId], description),
    };
  if (same) return { status: "skipped", message: `${groupId} already has the rule (${same.ruleId}).` };
  try {
    const { ruleIds } = await authorizeIngress(
      run.ctx,
      groupId,
      { protocol: "tcp", fromPort: port, toPort: port, source, description },
      runTags(run, step),
    );
    return {
      status: "done",
      message: `Added ${ruleIds.join(", ")}.`,
      created: ingressRecord(run, groupId, ruleIds, description),
    };
  } catch (err) {
    if (isCode(err, "already-exists"))
      return { status: "done", message: "AWS says the rule exists already (InvalidPermission.Duplicate)." };
    throw err;
  }
}

async function modifyCluster(run: StepRun, step: ModifyClusterStep): Promise<StepOutcome> {
  const kind = step.kind === "modify-replication-group" ? "replication-group" : "cache-cluster";
  const { id } = step.input;
  const change = {
    cacheParameterGroupName: step.input.cacheParameterGroupName,
    securityGroupIds: step.input.securityGroupIds?.map((v) => resolve(run, v)),
  };
  if (hasAttachments(await readTargetState(run.ctx, { ...refOf(run.plan.target), kind, id }), change)) {
    return { status: "skipped", message: `${id} already has what this step attaches.` };
  }
  try {
    if (step.kind === "modify-replication-group") await modifyReplicationGroup(run.ctx, id, change);
    else await modifyCacheCluster(run.ctx, id, change);
  } catch (err) {
    if (isCode(err, "no-change"))
      return {
        status: "done",
        message: 'AWS answered "No modifications were requested": already converged.',
      };
    throw err;
  }
  return { status: "done", message: `Sent ${step.operation}; ${id} is applying it.` };
}

/**
 * PutMetricAlarm is an upsert, so it is always sent (a resume simply repeats it). It is recorded for undo
 * only when QueueReady made it: no alarm of that name before, or one the resumed run put (its description
 * names the run). An alarm a person made under that name is replaced as the plan said, never offered for removal.
 */
async function putAlarm(run: StepRun, step: PutMetricAlarmStep): Promise<StepOutcome> {
  const runId = run.plan.choices.resume?.runId ?? run.runId;
  const before = await findMetricAlarm(run.ctx, step.input.alarmName);
  const ours = before === undefined || alarmPutByRun(before.description, runId);
  await putMetricAlarm(run.ctx, {
    ...step.input,
    description: alarmDescriptionOf(step.input.description, runId),
    // Tags only count on a create (AWS ignores them on an update) and cost cloudwatch:TagResource.
    tags: before === undefined ? runTags(run, step) : undefined,
  });
  const { alarmName: name } = step.input;
  return {
    status: "done",
    message: before ? `Updated alarm ${name}.` : `Put alarm ${name}.`,
    created: ours ? { type: "metric-alarm", region: run.ctx.region, name, createdAt: now() } : undefined,
  };
}

export function executeStep(run: StepRun, step: PlanStep): Promise<StepOutcome> {
  switch (step.kind) {
    case "create-security-group":
      return createGroup(run, step);
    case "authorize-ingress":
      return authorize(run, step);
    case "create-parameter-group":
      return createGroupStep(run, ELASTICACHE_GROUPS, step.input, runTags(run, step));
    case "modify-parameter-group":
      return setValuesStep(run, ELASTICACHE_GROUPS, step.input);
    case "modify-replication-group":
    case "modify-cache-cluster":
      return modifyCluster(run, step);
    case "create-memorydb-parameter-group":
      return createGroupStep(run, MEMORYDB_GROUPS, step.input, runTags(run, step));
    case "update-memorydb-parameter-group":
      return setValuesStep(run, MEMORYDB_GROUPS, step.input);
    case "update-memorydb-cluster":
      return updateMemoryDbClusterStep(run, step, (v) => resolve(run, v));
    case "put-metric-alarm":
      return putAlarm(run, step);
  }
}
