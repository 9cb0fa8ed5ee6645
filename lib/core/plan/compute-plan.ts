/**
 * The planner: a pure function of (live state just read, wizard choices) → ordered steps with their exact
 * AWS parameters, before → after, impact, and the fingerprint that binds apply to this very state.
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import type { WizardChoices } from "./choices";
import { fingerprintFacts, fingerprintOf } from "./fingerprint";
import { carryOverOf, createParameterGroupStep, modifyParameterGroupStep } from "./steps-parameter-group";
import { modifyClusterStep } from "./steps-modify";
import { memoryDbPlan } from "./memorydb-plan";
import { memoryDbPlanTarget } from "./validate-memorydb";
import { alarmTopicProblem, putMetricAlarmStep } from "./steps-alarm";
import { authorizeIngressStep, createSecurityGroupStep } from "./steps-network";
import type { ResolvedTarget } from "./target";
import type { FieldErrors, FingerprintFact, Plan, PlanStep, PlanTarget } from "./types";
import { validateNetwork } from "./validate-network";
import { validateParameterGroup } from "./validate-parameter-group";
import { alreadyReadyWarning, BUSY_STATUSES, validateTarget } from "./validate-target";

/** The choices failed a live check; `fieldErrors` is keyed `target.*`, `network.*`, `parameterGroup.*`. */
export class PlanInputError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors).flat().join(" "));
    this.name = "PlanInputError";
  }
}

function prefixed(prefix: string, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/** What a plan records of its target: the identity and the facts its steps were shaped by. */
export function planTargetOf(t: ResolvedTarget): PlanTarget {
  return {
    accountId: t.ref.accountId,
    region: t.ref.region,
    kind: t.ref.kind,
    id: t.ref.id,
    engine: t.engine,
    engineVersion: t.engineVersion ?? "",
    clusterEnabled: t.clusterMode,
    vpcId: t.vpcId,
    port: t.port,
  };
}

export function summarize(steps: PlanStep[]): Pick<Plan, "summary" | "summaryLine" | "converged"> {
  const summary = {
    create: steps.filter((s) => s.action === "create").length,
    change: steps.filter((s) => s.action === "change").length,
    noop: steps.filter((s) => s.action === "no-op").length,
  };
  const converged = summary.create + summary.change === 0;
  const summaryLine = converged
    ? "Nothing to change: the cluster already matches these choices."
    : `${summary.create} to create, ${summary.change} to change${summary.noop > 0 ? `, ${summary.noop} already in place` : ""}`;
  return { summary, summaryLine, converged };
}

/**
 * What every plan carries, made in one place for the fix, the MemoryDB fix and the revert: the plan
 * format's version, the target, the reads it is bound to (the fingerprint over `facts`) and its steps
 * with their summary. Each caller adds its warnings and blockers.
 */
export function planBase(
  snapshot: Snapshot,
  choices: WizardChoices,
  target: PlanTarget,
  facts: FingerprintFact[],
  steps: PlanStep[],
) {
  return {
    version: 2 as const,
    target,
    region: target.region,
    choices,
    computedFrom: snapshot.readAt,
    fingerprint: fingerprintOf(facts),
    facts,
    steps,
    ...summarize(steps),
  };
}

/** Computes the plan, or throws `PlanInputError` when the choices do not pass the live checks. */
export function computePlan(snapshot: Snapshot, choices: WizardChoices): Plan {
  if (choices.target.kind === "memorydb-cluster") return computeMemoryDbPlan(snapshot, choices);
  const target = validateTarget(snapshot, choices.target);
  if (!target.ok) throw new PlanInputError(prefixed("target", target.fieldErrors));
  const network = validateNetwork(snapshot, choices.target, choices.network, choices.resume);
  const pg = validateParameterGroup(snapshot, choices.target, choices.parameterGroup, choices.resume);
  const topic = alarmTopicProblem(choices.alarm, target.value.ref.region);
  if (!network.ok || !pg.ok || topic) {
    throw new PlanInputError({
      ...(network.ok ? {} : prefixed("network", network.fieldErrors)),
      ...(pg.ok ? {} : prefixed("parameterGroup", pg.fieldErrors)),
      ...(topic ? { "alarm.topicArn": [topic] } : {}),
    });
  }
  const t = target.value;
  const steps: PlanStep[] = [];
  const push = (step: PlanStep | undefined) => step && steps.push(step);
  push(createSecurityGroupStep(t, network.value));
  push(authorizeIngressStep(snapshot, t, network.value));
  push(createParameterGroupStep(t, pg.value));
  push(modifyParameterGroupStep(snapshot, t, pg.value));
  push(modifyClusterStep(snapshot, t, network.value, pg.value, [...steps]));
  const alarmWarnings: string[] = [];
  push(putMetricAlarmStep(t, choices.alarm, alarmWarnings));

  const base = planBase(
    snapshot,
    choices,
    planTargetOf(t),
    fingerprintFacts(snapshot, t, network.value, pg.value),
    steps,
  );
  const blockers =
    BUSY_STATUSES.includes(t.status) && !base.converged
      ? [`${t.ref.id} is ${t.status}: AWS refuses changes until it is available. Preview again once it is.`]
      : [];
  // Never attach a replacement whose carried-over settings are unknown: that would reset them silently.
  const carry = carryOverOf(snapshot, t, pg.value);
  if (carry && !carry.ok) blockers.push(carry.problem.message);
  // A ready cluster planned only for its memory alarm is not "nothing to change".
  const targetWarnings = base.converged
    ? target.warnings
    : target.warnings.filter((w) => w !== alreadyReadyWarning(t.ref.id));
  const warnings = [...targetWarnings, ...network.warnings, ...pg.warnings, ...alarmWarnings];
  return { ...base, warnings, blockers };
}

/** A MemoryDB cluster's plan (lib/core/plan/steps-memorydb.ts), in the same plan shape. */
function computeMemoryDbPlan(snapshot: Snapshot, choices: WizardChoices): Plan {
  const parts = memoryDbPlan(snapshot, choices);
  if (!parts.ok) throw new PlanInputError(parts.fieldErrors);
  const { target: t, steps, facts, warnings, blockers } = parts.value;
  return { ...planBase(snapshot, choices, memoryDbPlanTarget(t), facts, steps), warnings, blockers };
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; fieldErrors: FieldErrors };

/** `computePlan` for callers that return field errors instead of throwing (server actions). */
export function tryComputePlan(snapshot: Snapshot, choices: WizardChoices): PlanResult {
  try {
    return { ok: true, plan: computePlan(snapshot, choices) };
  } catch (err) {
    if (err instanceof PlanInputError) return { ok: false, fieldErrors: err.fieldErrors };
    throw err;
  }
}
