/**
 * The plan of a revert: one ModifyReplicationGroup / ModifyCacheCluster that puts back the parameter group
 * and the security groups a run replaced. Pure, like computePlan, and bound the same way (fingerprint over
 * the target's live facts). It refuses when the cluster moved since the run in a way the revert would undo
 * (someone attached another group): each attribute must be what the run left, or already what it replaced.
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import { planTargetOf, PlanInputError } from "./compute-plan";
import type { WizardChoices } from "./choices";
import { parameterGroupFacts, targetFacts } from "./fingerprint";
import { parameterValue, securityGroupLabel } from "./live-facts";
import type { RevertSpec } from "./revert-spec";
import { resolveTarget, type ResolvedTarget } from "./target";
import type { AttributeChange, ModifyClusterInput, ModifyClusterStep, Plan } from "./types";
import { BUSY_STATUSES } from "./validate-target";
import { parameterGroupNamed } from "@/lib/core/model/shared-groups";
import { computeMemoryDbRevertPlan } from "./revert-memorydb";
import { clobberedMembers, idList, revertPlanOf, revertStepFields, sameSet } from "./revert-shared";

function revertStep(snapshot: Snapshot, t: ResolvedTarget, spec: RevertSpec): ModifyClusterStep {
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
    changes.push({
      attribute: "SecurityGroupIds",
      before: idList(t.securityGroupIds, (id) => securityGroupLabel(snapshot, id)),
      after: idList(sg.before, (id) => securityGroupLabel(snapshot, id)),
    });
  }
  input.applyImmediately = changes.length > 0;
  const base = revertStepFields(
    t.ref.id,
    spec,
    changes,
    {
      service: "elasticache" as const,
      operation: t.ref.kind === "replication-group" ? "ModifyReplicationGroup" : "ModifyCacheCluster",
      input,
    },
    `Parameter group and security group changes apply at once; ${t.ref.id} shows "modifying" while its nodes move back and keeps serving: no reboot, no failover.`,
  );
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
  const differs = clobberedMembers(t.members.value, spec);
  if (differs.length > 0) throw new PlanInputError({ "revert.changed": differs });
  const previous = spec.parameterGroup?.before;
  if (previous && !snapshot.parameterGroups.ok)
    throw new PlanInputError({ "revert.parameterGroup": [`The parameter groups could not be read.`] });
  if (previous && !parameterGroupNamed(snapshot, previous))
    throw new PlanInputError({
      "revert.parameterGroup": [`${previous}, the group ${t.ref.id} had before, no longer exists.`],
    });
  const facts = [...targetFacts(t), ...(previous ? parameterGroupFacts(snapshot, previous) : [])];
  return revertPlanOf({
    snapshot,
    choices,
    spec,
    target: planTargetOf(t),
    facts,
    step: revertStep(snapshot, t, spec),
    warnings: warningsOf(snapshot, t, spec),
    busyStatus: BUSY_STATUSES.includes(t.status) ? t.status : undefined,
  });
}
