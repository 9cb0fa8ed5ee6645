import { describe, expect, it } from "vitest";
import { computePlan } from "./compute-plan";
import { suggestions } from "./suggestions";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { recommendedChoices, targetOf } from "@/tools/testing/plan-helpers";

const snap = seedUsEast1();
const touches = (plan: ReturnType<typeof computePlan>) =>
  plan.steps.find((s) => s.kind === "authorize-ingress")!.touches;

describe("who shares a security group, and whom a new rule really opens (issue 9 item 15)", () => {
  it("the network step says cache-prod is shared by 7 clusters where it is offered", () => {
    const s = suggestions(snap, targetOf("orders-redis7"));
    if (!s.ok) throw new Error(s.message);
    expect(s.value.network.recommended?.securityGroup).toEqual({
      mode: "existing",
      groupId: "sg-0cache00000000001",
    });
    const cacheProd = s.value.network.attachedGroups.find((g) => g.id === "sg-0cache00000000001")!;
    expect(cacheProd.sharedWith).toEqual([
      "ancient-redis4",
      "busy-redis7",
      "jobs-valkey8",
      "legacy-redis5",
      "sessions-memcached",
      "sessions-redis62",
    ]);
  });

  it("a rule on 6379 in cache-prod names only the clusters listening on 6379 (not legacy-redis5 on 6380, not memcached)", () => {
    const choices = recommendedChoices(snap, "orders-redis7");
    const plan = computePlan(snap, {
      ...choices,
      network: { ...choices.network, source: { kind: "cidr", cidr: "10.0.0.0/16" } },
    });
    expect(touches(plan)).toEqual(["ancient-redis4", "busy-redis7", "jobs-valkey8", "sessions-redis62"]);
  });

  it("legacy-redis5's rule on 6380 opens nothing else: no other cluster of cache-prod listens there", () => {
    const plan = computePlan(snap, recommendedChoices(snap, "legacy-redis5"));
    const step = plan.steps.find((s) => s.kind === "authorize-ingress")!;
    expect(step.action).toBe("create");
    expect(step.input.port).toBe(6380);
    expect(touches(plan)).toEqual([]);
  });
});
