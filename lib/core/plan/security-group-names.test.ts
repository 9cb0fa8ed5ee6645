import { describe, expect, it } from "vitest";
import { computePlan } from "./compute-plan";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { recommendedChoices } from "@/tools/testing/plan-helpers";

const snap = seedUsEast1();

describe("the preview names security groups as the network step did: name and id", () => {
  it("the inbound rule step names the source group and the group it goes into", () => {
    const choices = recommendedChoices(snap, "events-cluster");
    const plan = computePlan(snap, {
      ...choices,
      network: { ...choices.network, source: { kind: "security-group", groupId: "sg-0app000000000001" } },
    });
    const step = plan.steps.find((s) => s.kind === "authorize-ingress")!;
    expect(step.title).toBe(
      "Allow tcp 6379 from security group orders-api (sg-0app000000000001) into cache-no-redis (sg-0cache00000000003)",
    );
  });

  it("the cluster's security group list, before and after, by name and id", () => {
    const choices = recommendedChoices(snap, "orders-redis7");
    const plan = computePlan(snap, {
      ...choices,
      network: { ...choices.network, securityGroup: { mode: "new", name: "bullmq-orders" } },
    });
    const attach = plan.steps.find((s) => s.kind === "modify-replication-group")!;
    expect(attach.changes.find((c) => c.attribute === "SecurityGroupIds")).toEqual({
      attribute: "SecurityGroupIds",
      before: "cache-prod (sg-0cache00000000001)",
      after: "cache-prod (sg-0cache00000000001), bullmq-orders (new)",
    });
    const rule = plan.steps.find((s) => s.kind === "authorize-ingress")!;
    expect(rule.title).toMatch(
      /from security group orders-api \(sg-0app000000000001\) into the new security group$/,
    );
  });
});
