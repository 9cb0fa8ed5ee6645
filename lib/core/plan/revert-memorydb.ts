/**
 * The revert of a MemoryDB apply: one UpdateCluster that puts back the parameter group and the security
 * groups the run replaced, refused when the cluster moved since in a way it would clobber (revert-plan.ts
 * does the same for ElastiCache). It deletes nothing: the group the run created is then unused, and undo
 * offers to delete it.
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import type { WizardChoices } from "./choices";
import { PlanInputError } from "./compute-plan";
import { memoryDbTargetFacts } from "./fingerprint-memorydb";
import { securityGroupLabel } from "./live-facts";
import { clobberedMembers, idList, revertPlanOf, revertStepFields, sameSet } from "./revert-shared";
import type { RevertSpec } from "./revert-spec";
import type { Plan, PlanStep } from "./types";
import { memoryDbPlanTarget, memoryDbValue, resolveMemoryDb, type MemoryDbTarget } from "./validate-memorydb";

type UpdateStep = Extract<PlanStep, { kind: "update-memorydb-cluster" }>;

function revertStep(snapshot: Snapshot, t: MemoryDbTarget, spec: RevertSpec): UpdateStep {
  const input: UpdateStep["input"] = { name: t.ref.id };
  const changes: UpdateStep["changes"] = [];
  const pg = spec.parameterGroup;
  if (pg && t.parameterGroupName !== pg.before) {
    input.parameterGroupName = pg.before;
    changes.push({
      attribute: "ParameterGroupName",
      before: t.parameterGroupName ?? "none",
      after: pg.before,
    });
  }
  const sg = spec.securityGroups;
  if (sg && !sameSet(t.securityGroupIds, sg.before)) {
    // SecurityGroupIds replaces the list: the groups the cluster had before the run, exactly.
    input.securityGroupIds = sg.before;
    changes.push({
      attribute: "SecurityGroupIds",
      before: idList(t.securityGroupIds, (id) => securityGroupLabel(snapshot, id)),
      after: idList(sg.before, (id) => securityGroupLabel(snapshot, id)),
    });
  }
  const fields = revertStepFields(
    t.ref.id,
    spec,
    changes,
    { service: "memorydb" as const, operation: "UpdateCluster" as const, input },
    `MemoryDB applies it on its own: ${t.ref.id} shows "updating" until ParameterGroupStatus is in-sync, and keeps serving.`,
  );
  return { id: "update-memorydb-cluster", kind: "update-memorydb-cluster", ...fields };
}

export function computeMemoryDbRevertPlan(
  snapshot: Snapshot,
  choices: WizardChoices,
  spec: RevertSpec,
): Plan {
  const resolved = resolveMemoryDb(snapshot, choices.target);
  if (!resolved.ok) throw new PlanInputError({ "revert.target": Object.values(resolved.fieldErrors).flat() });
  const t = resolved.value;
  const member = {
    id: t.ref.id,
    parameterGroup: t.parameterGroupName
      ? {
          name: t.parameterGroupName,
          applyStatus: t.memorydb.parameterGroupStatus ?? "unknown",
          nodeIdsToReboot: [],
        }
      : undefined,
    securityGroups: t.memorydb.securityGroups,
  };
  const differs = clobberedMembers([member], spec);
  if (differs.length > 0) throw new PlanInputError({ "revert.changed": differs });
  const previous = spec.parameterGroup?.before;
  const groups = snapshot.memorydb?.parameterGroups;
  if (previous && !(groups?.ok && groups.value.some((g) => g.name === previous)))
    throw new PlanInputError({
      "revert.parameterGroup": [
        `${previous}, the group ${t.ref.id} had before, no longer exists (or was not read).`,
      ],
    });
  const facts = [
    ...memoryDbTargetFacts(t),
    ...(previous
      ? [
          {
            key: `pg.${previous}.maxmemory-policy`,
            label: `maxmemory-policy in ${previous}`,
            value: memoryDbValue(snapshot, previous, "maxmemory-policy") ?? "unknown",
          },
        ]
      : []),
  ];
  const policy = previous ? memoryDbValue(snapshot, previous, "maxmemory-policy") : undefined;
  return revertPlanOf({
    snapshot,
    choices,
    spec,
    target: memoryDbPlanTarget(t),
    facts,
    step: revertStep(snapshot, t, spec),
    warnings: [
      ...(policy && policy !== "noeviction"
        ? [
            `${previous} has maxmemory-policy ${policy}: after the revert ${t.ref.id} can evict BullMQ keys again.`,
          ]
        : []),
      `The revert deletes nothing: what run ${spec.runId} created stays, and the changes page offers to remove it once nothing uses it.`,
    ],
    busyStatus: t.memorydb.status !== "available" ? t.memorydb.status : undefined,
  });
}
