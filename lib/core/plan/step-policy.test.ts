import { describe, expect, it } from "vitest";
import { computePlan } from "./compute-plan";
import { renderCli } from "./render-cli";
import { renderJson, type PlanExport } from "./render-json";
import { policyDocument, stepActions } from "./step-policy";
import { recommendedChoices } from "@/tools/testing/plan-helpers";
import { seedUsEast1 } from "@/tools/testing/fixtures";

const snap = seedUsEast1();
const plan = computePlan(snap, recommendedChoices(snap, "events-cluster"));
const ROLE = "arn:aws:iam::123456789012:role/QueueReadyApply";

describe("the IAM side of each plan step", () => {
  it("names each call's action, and the tagging action when the step tags what it creates", () => {
    expect(plan.steps.map((s) => [s.id, stepActions(s)])).toEqual([
      ["authorize-ingress", ["ec2:AuthorizeSecurityGroupIngress", "ec2:CreateTags"]],
      ["create-parameter-group", ["elasticache:CreateCacheParameterGroup", "elasticache:AddTagsToResource"]],
      ["modify-parameter-group", ["elasticache:ModifyCacheParameterGroup"]],
      ["modify-replication-group", ["elasticache:ModifyReplicationGroup"]],
    ]);
    expect(policyDocument(plan.steps).Statement).toEqual([
      {
        Effect: "Allow",
        Action: [
          "ec2:AuthorizeSecurityGroupIngress",
          "ec2:CreateTags",
          "elasticache:CreateCacheParameterGroup",
          "elasticache:AddTagsToResource",
          "elasticache:ModifyCacheParameterGroup",
          "elasticache:ModifyReplicationGroup",
        ],
        Resource: "*",
      },
    ]);
  });

  it("the exports name the role every call runs as, and stay unchanged without one", () => {
    const doc = JSON.parse(renderJson(plan, { runsAs: ROLE })) as PlanExport;
    expect(doc.awsCalls.map((c) => c.iam?.runsAs)).toEqual([ROLE, ROLE, ROLE, ROLE]);
    expect(doc.awsCalls[3]!.iam!.actions).toEqual(["elasticache:ModifyReplicationGroup"]);
    const script = renderCli(plan, { runsAs: ROLE });
    expect(script).toContain(`#    runs as ${ROLE}; needs elasticache:ModifyReplicationGroup\n`);
    expect(renderJson(plan)).not.toContain('"iam"');
    expect(renderCli(plan)).not.toContain("runs as");
  });
});
