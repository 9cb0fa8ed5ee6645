/**
 * The plan of a revert: one ModifyReplicationGroup / ModifyCacheCluster that puts back the parameter group
 * and the security groups a run replaced. Pure, like computePlan, and bound the same way (fingerprint over
 * the target's live facts). It refuses when the cluster moved since the run in a way the revert would undo
 * (someone attached another group): each attribute must be what the run left, or already what it replaced.
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import { planTargetOf, PlanInputError, summarize } from "./compute-plan";
import type { WizardChoices } from "./choices";
import { fingerprintOf, parameterGroupFacts, targetFacts } from "./fingerprint";
import { parameterValue } from "./live-facts";
import type { RevertSpec } from "./revert-spec";
import { resolveTarget, type ResolvedTarget } from "./target";
import type { AttributeChange, ModifyClusterInput, ModifyClusterStep, Plan } from "./types";
import { BUSY_STATUSES } from "./validate-target";
import { parameterGroupNamed } from "@/lib/core/model/shared-groups";
import type { CacheCluster } from "@/lib/core/model/resources";
import { computeMemoryDbRevertPlan } from "./revert-memorydb";

const list = (ids: string[]) => (ids.length > 0 ? [...ids].sort().join(", ") : "none");
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** What differs from the run's result in a way the revert would clobber, one sentence per member and attribute. */
function clobbered(t: ResolvedTarget, spec: RevertSpec): string[] {
  return clobberedMembers(t.members.value, spec);
}

/** A member as the revert compares it: its parameter group and its security groups. */
export type RevertMember = Pick<CacheCluster, "id" | "parameterGroup" | "securityGroups">;

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
        `Security groups of ${m.id}: now ${list(ids)}; the run left ${list(sg.after)}, and the revert would put back ${list(sg.before)}.`,
      );
  }
  return out;
}

function revertStep(t: ResolvedTarget, spec: RevertSpec): ModifyClusterStep {
  const input: ModifyClusterInput = { id: t.ref.id, applyImmediately: false };
  const changes: AttributeChange[] = [];
  const pg = spec.parameterGroup;
  if (pg && t.members.value.some((m) => m.parameterGroup?.name !== pg.before)) {
    input.cacheParameterGroupName = pg.before;
    const now = [...new Set(t.members.value.map((m) => m.parameterGroup?.name ?? "none"))].join(", ");
    changes.push({ attribute: "CacheParameterGroupName", before: now, after: pg.before });
  }
  const sg = spec.securityGroups;
  if (
    sg &&
    t.members.value.some(
      (m) =>
        !sameSet(
          m.securityGroups.map((s) => s.id),
          sg.before,
        ),
    )
  ) {
    // SecurityGroupIds replaces the list: the groups the cluster had before the run, exactly.
    input.securityGroupIds = sg.before;
    changes.push({ attribute: "SecurityGroupIds", before: list(t.securityGroupIds), after: list(sg.before) });
  }
  const changing = changes.length > 0;
  input.applyImmediately = changing;
  const base: Omit<ModifyClusterStep, "id" | "kind"> = {
    action: changing ? "change" : "no-op",
    title: changing
      ? `Put ${t.ref.id} back on ${changes.map((c) => (c.attribute === "SecurityGroupIds" ? "its previous security groups" : `parameter group ${pg!.before}`)).join(" and ")}`
      : `Leave ${t.ref.id} as it is`,
    noopReason: changing ? undefined : `${t.ref.id} is already back on what it had before run ${spec.runId}.`,
    service: "elasticache",
    operation: t.ref.kind === "replication-group" ? "ModifyReplicationGroup" : "ModifyCacheCluster",
    input,
    changes,
    effect: {
      when: "immediately",
      reboot: false,
      downtime: false,
      why: `Parameter group and security group changes apply at once; ${t.ref.id} shows "modifying" while its nodes move back and keeps serving: no reboot, no failover.`,
    },
    touches: [],
    securitySensitive: changes.some((c) => c.attribute === "SecurityGroupIds"),
  };
  return t.ref.kind === "replication-group"
    ? { ...base, id: "modify-replication-group", kind: "modify-replication-group" }
    : { ...base, id: "modify-cache-cluster", kind: "modify-cache-cluster" };
}

/** What a revert must say before it runs: what it brings back, and what it leaves for undo. */
function warningsOf(snapshot: Snapshot, t: ResolvedTarget, spec: RevertSpec): string[] {
  const warnings: string[] = [];
  if (spec.parameterGroup) {
    const policy = parameterValue(snapshot, spec.parameterGroup.before, "maxmemory-policy");
    if (policy.known && policy.value !== "noeviction")
      warnings.push(
        `${spec.parameterGroup.before} has maxmemory-policy ${policy.value}: after the revert ${t.ref.id} can evict BullMQ keys again (its status will read Needs changes).`,
      );
  }
  warnings.push(
    `The revert deletes nothing: what run ${spec.runId} created stays, and the changes page offers to remove it once nothing uses it (an inbound rule it added to a group still in use, as soon as the revert is done).`,
  );
  return warnings;
}

/** The revert's plan, or PlanInputError (`revert.*`) when the cluster cannot be reverted as it is now. */
export function computeRevertPlan(snapshot: Snapshot, choices: WizardChoices, spec: RevertSpec): Plan {
  if (choices.target.kind === "memorydb-cluster") return computeMemoryDbRevertPlan(snapshot, choices, spec);
  const resolved = resolveTarget(snapshot, choices.target);
  if (!resolved.ok) throw new PlanInputError({ "revert.target": [resolved.message] });
  const t = resolved.target;
  const differs = clobbered(t, spec);
  if (differs.length > 0) throw new PlanInputError({ "revert.changed": differs });
  const previous = spec.parameterGroup?.before;
  if (previous && !snapshot.parameterGroups.ok)
    throw new PlanInputError({ "revert.parameterGroup": [`The parameter groups could not be read.`] });
  if (previous && !parameterGroupNamed(snapshot, previous))
    throw new PlanInputError({
      "revert.parameterGroup": [`${previous}, the group ${t.ref.id} had before, no longer exists.`],
    });
  const steps = [revertStep(t, spec)];
  const facts = [...targetFacts(t), ...(previous ? parameterGroupFacts(snapshot, previous) : [])];
  const summary = summarize(steps);
  return {
    version: 2,
    target: planTargetOf(t),
    region: t.ref.region,
    choices,
    revert: spec,
    computedFrom: snapshot.readAt,
    fingerprint: fingerprintOf(facts),
    facts,
    steps,
    ...summary,
    summaryLine: summary.converged
      ? `Nothing to change: ${t.ref.id} is already back on what it had before run ${spec.runId}.`
      : summary.summaryLine,
    warnings: warningsOf(snapshot, t, spec),
    blockers:
      BUSY_STATUSES.includes(t.status) && !summary.converged
        ? [`${t.ref.id} is ${t.status}: AWS refuses changes until it is available. Preview again once it is.`]
        : [],
  };
}
