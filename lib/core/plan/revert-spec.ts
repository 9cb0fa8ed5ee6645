/**
 * "Revert this apply": what a finished run changed on its cluster and what to put back, read from what the
 * run recorded. The plan's facts hold each member's parameter group and security groups as they were when
 * the run started (targetFacts, read live and bound by the fingerprint), and its modify step holds what it
 * attached; nothing else is needed, so every run with a version-2 plan can be reverted.
 */
import type { z } from "zod";
import type { revertSpecSchema } from "./plan-schema";
import {
  isStepRef,
  NEW_SECURITY_GROUP_REF,
  type FingerprintFact,
  type ModifyClusterStep,
  type Plan,
} from "./types";

/** What a revert puts back: only the attributes the reverted run changed (a plan's `revert`). */
export type RevertSpec = z.output<typeof revertSpecSchema>;

/** The parts of a run a revert needs (lib/services/apply's ApplyRun has them). */
export interface RevertableRun {
  id: string;
  status: string;
  plan: Plan;
  steps: { id: string; status: string }[];
  created: { type: string; groupId?: string }[];
}

export type RevertSpecResult = { ok: true; spec: RevertSpec } | { ok: false; reason: string };

const members = (facts: FingerprintFact[], suffix: string) =>
  facts.filter((f) => f.key.startsWith("member.") && f.key.endsWith(suffix));

/** `name (in-sync)` → `name`; `none` → undefined (targetFacts' format: names hold no spaces). */
const groupName = (value: string) => (value === "none" ? undefined : value.split(" (")[0]);
/** `sg-1 (active), sg-2 (active)` → `[sg-1, sg-2]`. */
const groupIds = (value: string) =>
  value === "none" ? [] : value.split(", ").map((part) => part.split(" (")[0]!);

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The one value every member had, or undefined when they differed or none was recorded. */
function agreed<T>(values: T[], same: (a: T, b: T) => boolean): T | undefined {
  if (values.length === 0) return undefined;
  return values.every((v) => same(v, values[0]!)) ? values[0] : undefined;
}

/** The step that changed what the cluster is attached to (a MemoryDB cluster's UpdateCluster included). */
function attachStepOf(plan: Plan): ModifyClusterStep | UpdateMemoryDbClusterStep | undefined {
  return plan.steps.find(
    (s): s is ModifyClusterStep | UpdateMemoryDbClusterStep =>
      s.kind === "modify-replication-group" ||
      s.kind === "modify-cache-cluster" ||
      s.kind === "update-memorydb-cluster",
  );
}

type UpdateMemoryDbClusterStep = Extract<Plan["steps"][number], { kind: "update-memorydb-cluster" }>;

export function revertSpecOf(run: RevertableRun): RevertSpecResult {
  if (run.status === "running") return { ok: false, reason: "The run is still going: wait for its end." };
  const step = attachStepOf(run.plan);
  const record = step && run.steps.find((s) => s.id === step.id);
  if (!step || step.action === "no-op" || record?.status !== "done")
    return {
      ok: false,
      reason:
        "This run never changed what the cluster is attached to (its last step was not sent), so there is nothing to revert. What it created can be removed from the changes page once unused.",
    };
  const spec: RevertSpec = { runId: run.id };
  const { facts } = run.plan;
  const attachedGroup =
    step.kind === "update-memorydb-cluster"
      ? step.input.parameterGroupName
      : step.input.cacheParameterGroupName;
  if (attachedGroup) {
    const before = agreed(
      members(facts, ".parameter-group").map((f) => groupName(f.value)),
      (a, b) => a === b,
    );
    if (!before)
      return {
        ok: false,
        reason:
          "The run did not record one parameter group for every member before it (they differed, or none was read), so there is no single group to go back to.",
      };
    spec.parameterGroup = { before, after: attachedGroup };
  }
  if (step.input.securityGroupIds) {
    const before = agreed(
      members(facts, ".security-groups").map((f) => groupIds(f.value)),
      sameSet,
    );
    const created = run.created.find((c) => c.type === "security-group")?.groupId;
    const after = step.input.securityGroupIds.map((v) =>
      isStepRef(v) ? (v.ref === NEW_SECURITY_GROUP_REF ? created : undefined) : v,
    );
    if (!before || after.some((v) => v === undefined))
      return {
        ok: false,
        reason: !before
          ? "The run did not record one list of security groups for every member before it, so there is no single list to go back to."
          : "The run did not record the id of the security group it attached, so a revert cannot know which one to detach.",
      };
    spec.securityGroups = { before, after: after as string[] };
  }
  return { ok: true, spec };
}
