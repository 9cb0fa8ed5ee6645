import { describe, expect, it } from "vitest";
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import { computePlan, PlanInputError } from "./compute-plan";
import { computeRevertPlan } from "./revert-plan";
import { revertSpecOf, type RevertableRun } from "./revert-spec";
import { resolveTarget } from "./target";
import type { Plan, WizardChoices } from "./";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { targetOf, withAttachedGroup } from "@/tools/testing/plan-helpers";

const seed = seedUsEast1();
const choices: WizardChoices = {
  target: targetOf("orders-redis7"),
  network: {
    securityGroup: { mode: "new", name: "queueready-orders-redis7" },
    source: { kind: "security-group", groupId: "sg-0app000000000001" },
  },
  parameterGroup: { mode: "create", name: "bullmq-orders-redis7" },
};
const plan = computePlan(seed, choices);
const before = resolveTarget(seed, choices.target);
if (!before.ok) throw new Error(before.message);
const NEW_SG = "sg-0new000000000001";

const runOf = (p: Plan, modify: string = "done"): RevertableRun => ({
  id: "20260101t000000-aaaaaaaa",
  status: modify === "done" ? "succeeded" : "failed",
  plan: p,
  steps: p.steps.map((s) => ({
    id: s.id,
    status: s.kind === "modify-replication-group" ? modify : "done",
  })),
  created: [{ type: "security-group", groupId: NEW_SG }],
});

/** The cluster as the run left it: the new parameter group, and the new security group added to the list. */
function applied(snapshot: RegionSnapshot, groupName = "bullmq-orders-redis7"): RegionSnapshot {
  const next = withAttachedGroup(snapshot, "orders-redis7", groupName, "redis7");
  if (!next.cacheClusters.ok) throw new Error("seed has no clusters");
  for (const c of next.cacheClusters.value)
    if (c.replicationGroupId === "orders-redis7") c.securityGroups.push({ id: NEW_SG, status: "active" });
  return next;
}

describe("revertSpecOf: what the run changed, from what it recorded", () => {
  it("reads the groups every member had before from the plan's facts and what it attached from its step", () => {
    const spec = revertSpecOf(runOf(plan));
    expect(spec).toEqual({
      ok: true,
      spec: {
        runId: "20260101t000000-aaaaaaaa",
        parameterGroup: { before: before.target.parameterGroupName, after: "bullmq-orders-redis7" },
        securityGroups: {
          before: before.target.securityGroupIds,
          after: [...before.target.securityGroupIds, NEW_SG],
        },
      },
    });
  });

  it("offers nothing when the cluster was never modified, or the new group's id was not recorded", () => {
    expect(revertSpecOf(runOf(plan, "failed"))).toMatchObject({ ok: false, reason: /nothing to revert/ });
    expect(revertSpecOf({ ...runOf(plan), created: [] })).toMatchObject({
      ok: false,
      reason: /did not record the id of the security group/,
    });
    expect(revertSpecOf({ ...runOf(plan), status: "running" })).toMatchObject({ ok: false });
  });
});

describe("computeRevertPlan", () => {
  const spec = (() => {
    const r = revertSpecOf(runOf(plan));
    if (!r.ok) throw new Error(r.reason);
    return r.spec;
  })();

  it("puts back the previous parameter group and exactly the previous security groups, in one call", () => {
    const revert = computeRevertPlan(applied(seed), choices, spec);
    expect(revert.revert).toEqual(spec);
    expect(revert.steps).toHaveLength(1);
    const [step] = revert.steps;
    expect(step).toMatchObject({
      kind: "modify-replication-group",
      action: "change",
      input: {
        id: "orders-redis7",
        cacheParameterGroupName: before.target.parameterGroupName,
        securityGroupIds: before.target.securityGroupIds,
        applyImmediately: true,
      },
      securitySensitive: true,
    });
    expect(step!.changes).toEqual([
      {
        attribute: "CacheParameterGroupName",
        before: "bullmq-orders-redis7",
        after: before.target.parameterGroupName,
      },
      {
        attribute: "SecurityGroupIds",
        // Named as the network step names them: the new group was not read, so it shows by id.
        before: "cache-prod (sg-0cache00000000001), sg-0new000000000001",
        after: "cache-prod (sg-0cache00000000001)",
      },
    ]);
    expect(revert.warnings.join(" ")).toMatch(/deletes nothing/);
    expect(revert.blockers).toEqual([]);
  });

  it("is a no-op once the cluster is back (a resumed revert sends nothing twice)", () => {
    const revert = computeRevertPlan(seed, choices, spec);
    expect(revert.converged).toBe(true);
    expect(revert.steps[0]!.action).toBe("no-op");
  });

  it("refuses, saying what differs, when someone changed the cluster since the run", () => {
    const moved = applied(seed, "someone-elses-group");
    const err = (() => {
      try {
        computeRevertPlan(moved, choices, spec);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PlanInputError);
    expect((err as PlanInputError).fieldErrors["revert.changed"]![0]).toBe(
      `Parameter group of orders-redis7-001: now someone-elses-group; the run left bullmq-orders-redis7, and the revert would put back ${before.target.parameterGroupName}.`,
    );
  });

  it("binds to the live facts: a different cluster state gives a different fingerprint", () => {
    expect(computeRevertPlan(applied(seed), choices, spec).fingerprint).not.toBe(
      computeRevertPlan(seed, choices, spec).fingerprint,
    );
  });
});
