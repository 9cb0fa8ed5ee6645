/**
 * What the ElastiCache and the MemoryDB revert share (revert-plan.ts, revert-memorydb.ts): the refusal when
 * the cluster moved since the run, the wording of the one step that puts the groups back, and the plan
 * around that step. Only the step's call and the cluster's facts differ.
 */
import type { CacheCluster } from "@/lib/core/model/resources";
import type { Snapshot } from "@/lib/core/model/snapshot";
import type { WizardChoices } from "./choices";
import { planBase } from "./compute-plan";
import type { RevertSpec } from "./revert-spec";
import type { AttributeChange, FingerprintFact, Plan, PlanStep, PlanTarget } from "./types";

/** Ids as a revert names them: sorted, or `none`. */
/** Ids sorted, each as `label` shows it (a security group's name with its id, in a step's changes). */
export const idList = (ids: string[], label: (id: string) => string = (id) => id) =>
  ids.length > 0 ? [...ids].sort().map(label).join(", ") : "none";
export const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** A member as the revert compares it: its parameter group and its security groups. */
export type RevertMember = Pick<CacheCluster, "id" | "parameterGroup" | "securityGroups">;

/**
 * What differs from the run's result in a way the revert would clobber (someone attached another group),
 * one sentence per member and attribute: each must be what the run left, or already what it replaced.
 */
export function clobberedMembers(members: RevertMember[], spec: RevertSpec): string[] {
  const out: string[] = [];
  for (const m of members) {
    const pg = spec.parameterGroup;
    const now = m.parameterGroup?.name ?? "none";
    if (pg && now !== pg.after && now !== pg.before)
      out.push(
        `Parameter group of ${m.id}: now ${now}; the run left ${pg.after}, and the revert would put back ${pg.before}.`,
      );
    const sg = spec.securityGroups;
    const ids = m.securityGroups.map((s) => s.id);
    if (sg && !sameSet(ids, sg.after) && !sameSet(ids, sg.before))
      out.push(
        `Security groups of ${m.id}: now ${idList(ids)}; the run left ${idList(sg.after)}, and the revert would put back ${idList(sg.before)}.`,
      );
  }
  return out;
}

/**
 * The revert step of cluster `id` but its id and kind: `changes` are what it puts back, `call` the service's
 * operation and input, `why` when the service applies it. No change makes it a no-op.
 */
export function revertStepFields<Call extends { service: string; operation: string; input: object }>(
  id: string,
  spec: RevertSpec,
  changes: AttributeChange[],
  call: Call,
  why: string,
) {
  const changing = changes.length > 0;
  const what = (c: AttributeChange) =>
    c.attribute === "SecurityGroupIds"
      ? "its previous security groups"
      : `parameter group ${spec.parameterGroup!.before}`;
  return {
    action: changing ? ("change" as const) : ("no-op" as const),
    title: changing ? `Put ${id} back on ${changes.map(what).join(" and ")}` : `Leave ${id} as it is`,
    noopReason: changing ? undefined : `${id} is already back on what it had before run ${spec.runId}.`,
    ...call,
    changes,
    effect: { when: "immediately" as const, reboot: false as const, downtime: false as const, why },
    touches: [] as string[],
    securitySensitive: changes.some((c) => c.attribute === "SecurityGroupIds"),
  };
}

/** The revert's plan around its one step; `busyStatus` is the cluster's status when AWS would refuse a change. */
export function revertPlanOf(parts: {
  snapshot: Snapshot;
  choices: WizardChoices;
  spec: RevertSpec;
  target: PlanTarget;
  facts: FingerprintFact[];
  step: PlanStep;
  warnings: string[];
  busyStatus: string | undefined;
}): Plan {
  const { snapshot, choices, spec, target, facts, step, warnings, busyStatus } = parts;
  const base = planBase(snapshot, choices, target, facts, [step]);
  return {
    ...base,
    revert: spec,
    summaryLine: base.converged
      ? `Nothing to change: ${target.id} is already back on what it had before run ${spec.runId}.`
      : base.summaryLine,
    warnings,
    blockers:
      busyStatus !== undefined && !base.converged
        ? [
            `${target.id} is ${busyStatus}: AWS refuses changes until it is available. Preview again once it is.`,
          ]
        : [],
  };
}
