import { describe, expect, it } from "vitest";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { recommendedChoices } from "@/tools/testing/plan-helpers";
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import { awsParams } from "./aws-params";
import { computePlan, tryComputePlan } from "./compute-plan";
import { renderCloudFormation } from "./iac/render-cloudformation";
import { renderTerraform } from "./iac/render-terraform";
import { renderCli } from "./render-cli";
import { stepActions } from "./step-policy";
import { suggestions } from "./suggestions";
import type { WizardChoices } from "./choices";
import type { Plan, PlanStep } from "./types";

const actions = (plan: Plan) => plan.steps.map((s) => `${s.kind}:${s.action}`);
const stepOf = <K extends PlanStep["kind"]>(plan: Plan, kind: K) =>
  plan.steps.find((s): s is Extract<PlanStep, { kind: K }> => s.kind === kind)!;

/** The seed with a value set on prod-memdb-lru's custom group (the default group has timeout=0). */
function withTimeout(value: string): RegionSnapshot {
  const snap = seedUsEast1();
  const rows = snap.memorydb!.parameters["prod-memdb-lru"]!;
  if (!rows.ok) throw new Error("seed");
  rows.value = rows.value.map((p) => (p.name === "timeout" ? { ...p, value } : p));
  return snap;
}

describe("the MemoryDB plan", () => {
  it("prod-memdb-lru (volatile-lru): a new group of its family, noeviction, attached by UpdateCluster", () => {
    const snap = seedUsEast1();
    const plan = computePlan(snap, recommendedChoices(snap, "prod-memdb-lru"));
    expect(plan.target).toMatchObject({
      kind: "memorydb-cluster",
      id: "prod-memdb-lru",
      clusterEnabled: true,
    });
    expect(actions(plan)).toEqual([
      "authorize-ingress:no-op",
      "create-memorydb-parameter-group:create",
      // MemoryDB's default group, which a new group copies, is noeviction already.
      "update-memorydb-parameter-group:no-op",
      "update-memorydb-cluster:change",
    ]);
    expect(awsParams(stepOf(plan, "create-memorydb-parameter-group"))).toMatchObject({
      ParameterGroupName: "bullmq-memorydb-redis7-noeviction",
      Family: "memorydb_redis7",
    });
    expect(awsParams(stepOf(plan, "update-memorydb-cluster"))).toEqual({
      ClusterName: "prod-memdb-lru",
      ParameterGroupName: "bullmq-memorydb-redis7-noeviction",
    });
    expect(stepActions(stepOf(plan, "create-memorydb-parameter-group"))).toEqual([
      "memorydb:CreateParameterGroup",
      "memorydb:TagResource",
    ]);
    expect(plan.blockers).toEqual([]);
  });

  it("carries a value of the old custom group that differs from the family default", () => {
    const snap = withTimeout("300");
    const plan = computePlan(snap, recommendedChoices(snap, "prod-memdb-lru"));
    const update = stepOf(plan, "update-memorydb-parameter-group");
    expect(update.action).toBe("change");
    expect(update.input).toEqual({
      name: "bullmq-memorydb-redis7-noeviction",
      values: [
        { name: "maxmemory-policy", value: "noeviction" },
        { name: "timeout", value: "300" },
      ],
    });
    expect(update.changes[1]).toMatchObject({
      attribute: "timeout",
      after: "300",
      note: "carried over from prod-memdb-lru",
    });
    // A different value is a different plan: apply refuses a preview made before it changed.
    expect(computePlan(withTimeout("400"), plan.choices).fingerprint).not.toBe(plan.fingerprint);
  });

  it("refuses to carry over what it could not read, as a blocker", () => {
    const snap = seedUsEast1();
    delete snap.memorydb!.parameters["default.memorydb-redis7"];
    const plan = computePlan(snap, recommendedChoices(snap, "prod-memdb-lru"));
    expect(plan.blockers.join(" ")).toMatch(/cannot be carried over/);
  });

  it("a cluster on MemoryDB's default group (noeviction) is already converged", () => {
    const snap = seedUsEast1();
    const plan = computePlan(snap, recommendedChoices(snap, "prod-memdb-default"));
    expect(plan.choices.parameterGroup).toEqual({ mode: "reuse", name: "default.memorydb-redis7" });
    expect(plan.converged).toBe(true);
  });

  it("the Valkey cluster gets a memorydb_valkey7 group", () => {
    const snap = seedUsEast1();
    const plan = computePlan(snap, {
      ...recommendedChoices(snap, "prod-memdb-valkey"),
      parameterGroup: { mode: "create", name: "q-valkey" },
    });
    expect(stepOf(plan, "create-memorydb-parameter-group").input.family).toBe("memorydb_valkey7");
  });

  it("a new security group joins the cluster's list (SecurityGroupIds replaces it)", () => {
    const snap = seedUsEast1();
    const base = recommendedChoices(snap, "prod-memdb-lru");
    const choices: WizardChoices = {
      ...base,
      network: {
        securityGroup: { mode: "new", name: "queueready-memdb" },
        source: { kind: "cidr", cidr: "10.0.0.0/16" },
      },
    };
    const plan = computePlan(snap, choices);
    expect(actions(plan).slice(0, 2)).toEqual(["create-security-group:create", "authorize-ingress:create"]);
    expect(stepOf(plan, "update-memorydb-cluster").input.securityGroupIds).toEqual([
      "sg-0cache00000000001",
      { ref: "step:create-security-group.GroupId" },
    ]);
    expect(renderCli(plan)).toContain(
      'aws memorydb update-cluster --region us-east-1 --cluster-name prod-memdb-lru --parameter-group-name bullmq-memorydb-redis7-noeviction --security-group-ids sg-0cache00000000001 "$SG_ID"',
    );
  });

  it("refuses edit-shared, a taken name, and a reused group without noeviction", () => {
    const snap = seedUsEast1();
    const base = recommendedChoices(snap, "prod-memdb-lru");
    const errors = (parameterGroup: WizardChoices["parameterGroup"]) => {
      const r = tryComputePlan(snap, { ...base, parameterGroup });
      return r.ok ? {} : r.fieldErrors;
    };
    expect(errors({ mode: "edit-shared", name: "prod-memdb-lru", confirmedClusters: [] })).toHaveProperty(
      "parameterGroup.mode",
    );
    expect(errors({ mode: "create", name: "prod-memdb-lru" })["parameterGroup.name"]).toEqual([
      "A MemoryDB parameter group named prod-memdb-lru exists already.",
    ]);
    expect(errors({ mode: "reuse", name: "prod-memdb-lru" })["parameterGroup.name"]![0]).toMatch(
      /volatile-lru/,
    );
  });

  it("renders as code: aws_memorydb_parameter_group and AWS::MemoryDB::ParameterGroup", () => {
    const snap = withTimeout("300");
    const plan = computePlan(snap, recommendedChoices(snap, "prod-memdb-lru"));
    const ctx = { plan, ownerOf: () => null };
    const tf = renderTerraform(ctx);
    expect(tf).toContain('resource "aws_memorydb_parameter_group"');
    expect(tf).toMatch(/name\s*=\s*"timeout"/);
    expect(tf).toContain("aws_memorydb_cluster");
    const cfn = renderCloudFormation(ctx);
    expect(cfn).toContain("AWS::MemoryDB::ParameterGroup");
    expect(cfn).toContain("ParameterGroupName: bullmq-memorydb-redis7-noeviction");
  });

  it("tells the wizard's parameter group step what a new group carries over, and offers no edit in place", () => {
    const target = { region: "us-east-1", kind: "memorydb-cluster" as const, id: "prod-memdb-lru" };
    const carried = suggestions(withTimeout("300"), target);
    if (!carried.ok) throw new Error(carried.message);
    expect(carried.value.service).toBe("memorydb");
    expect(carried.value.parameterGroup.carryOver).toEqual({
      from: "prod-memdb-lru",
      values: ["timeout=300"],
    });
    expect(carried.value.parameterGroup.recommended.mode).toBe("create");
    const plain = suggestions(seedUsEast1(), target);
    if (!plain.ok) throw new Error(plain.message);
    expect(plain.value.parameterGroup.carryOver).toEqual({ from: "prod-memdb-lru", values: [] });
    const onDefault = suggestions(seedUsEast1(), { ...target, id: "prod-memdb-default" });
    if (!onDefault.ok) throw new Error(onDefault.message);
    expect(onDefault.value.parameterGroup.carryOver).toBeUndefined();
  });
});
