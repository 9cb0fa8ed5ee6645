import { describe, expect, it } from "vitest";
import { audit, findings, healthyAccount, READY } from "@/tools/testing/readiness-helpers";

describe("shared-parameter-group", () => {
  it.each([
    {
      case: "custom group needing the change, shared",
      policy: "allkeys-lru",
      users: ["a", "b", "c"],
      expected: [["warn", "Parameter group g is shared with b, c"]],
    },
    {
      case: "custom group already noeviction, shared",
      policy: "noeviction",
      users: ["a", "b"],
      expected: [["info", "Parameter group g is shared with 1 other cluster"]],
    },
    { case: "custom group used by one cluster", policy: "allkeys-lru", users: ["a"], expected: [] },
  ])("$case", ({ policy, users, expected }) => {
    const b = healthyAccount().parameterGroup("g", "redis7", { policy });
    for (const id of users) b.replicationGroup({ id, ...READY, parameterGroup: "g" });
    expect(findings(audit(b, "a"), "shared-parameter-group").map((f) => [f.severity, f.title])).toEqual(
      expected,
    );
  });

  it("counts standalone clusters among the users and names them", () => {
    const b = healthyAccount()
      .parameterGroup("g", "redis7", { policy: "allkeys-lru" })
      .replicationGroup({ id: "a", ...READY, parameterGroup: "g" })
      .standalone({ id: "solo", ...READY, parameterGroup: "g" });
    const [f] = findings(audit(b, "a"), "shared-parameter-group");
    expect(f?.evidence).toEqual([
      {
        observed: "g is used by a, solo",
        expected: "used by a only",
        source: "DescribeCacheClusters (us-east-1)",
      },
    ]);
    expect(f?.detail).toContain("Setting noeviction on g changes solo too");
  });

  it("says nothing about default groups (shared by design, never edited)", () => {
    const b = healthyAccount()
      .replicationGroup({ id: "a", ...READY, parameterGroup: "default.redis7" })
      .replicationGroup({ id: "b", ...READY, parameterGroup: "default.redis7" });
    expect(findings(audit(b, "a"), "shared-parameter-group")).toEqual([]);
  });
});
