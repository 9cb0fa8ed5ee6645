import { describe, expect, it } from "vitest";
import { effectLine, exportHint, paramsText, refLabel } from "@/components/plan/format";
import { NEW_SECURITY_GROUP_REF } from "@/lib/core/plan";

describe("plan formatting", () => {
  it("spells out step references inside the exact parameters", () => {
    const text = paramsText({
      id: "modify-cache-cluster",
      kind: "modify-cache-cluster",
      action: "change",
      title: "Give standalone-redis the new security group",
      service: "elasticache",
      operation: "ModifyCacheCluster",
      input: {
        id: "standalone-redis",
        securityGroupIds: ["sg-0stagcache000001", { ref: NEW_SECURITY_GROUP_REF }],
        applyImmediately: true,
      },
      changes: [],
      effect: { when: "immediately", reboot: false, downtime: false, why: "x" },
      touches: [],
      securitySensitive: true,
    });
    expect(JSON.parse(text)).toEqual({
      CacheClusterId: "standalone-redis",
      SecurityGroupIds: ["sg-0stagcache000001", "<id of the new security group>"],
      ApplyImmediately: true,
    });
    expect(refLabel({ ref: "step:other.Id" })).toBe("<step:other.Id>");
  });

  it("says when a step takes effect", () => {
    expect(effectLine({ effect: { when: "immediately", reboot: false, downtime: false, why: "x" } })).toBe(
      "Takes effect immediately · no reboot · no downtime",
    );
  });
});

describe("export hint", () => {
  it("offers the apply command only for a plan that changes something", () => {
    const changing = exportHint({ converged: false });
    expect(`${changing.lead}${changing.command}${changing.tail}`).toBe(
      "Apply exactly this plan from a terminal or CI: npm run apply -- FILE (it refuses the plan if the cluster changed).",
    );
    const empty = exportHint({ converged: true });
    expect(empty.command).toBeUndefined();
    expect(`${empty.lead}${empty.tail ?? ""}`).not.toMatch(/apply (it|exactly)|npm run apply/i);
    expect(empty.lead).toMatch(/^Nothing to apply/);
  });
});
