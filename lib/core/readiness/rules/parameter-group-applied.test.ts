import { describe, expect, it } from "vitest";
import { accessDenied, makeReplicationGroup } from "@/tools/testing/fixtures";
import { auditTarget } from "@/lib/core/readiness/audit";
import { audit, findings, healthyAccount, READY } from "@/tools/testing/readiness-helpers";

describe("parameter-group-applied", () => {
  it.each([
    {
      case: "in-sync",
      applyStatus: "in-sync",
      reboot: [],
      expected: [["pass", "Parameter group in-sync on every node"]],
      verdict: "ready",
    },
    {
      case: "applying",
      applyStatus: "applying",
      reboot: [],
      expected: [["fail", "Parameter group not applied yet on 2 of 2 nodes"]],
      verdict: "needs-changes",
    },
    {
      case: "pending reboot",
      applyStatus: "pending-reboot",
      reboot: ["0001"],
      expected: [["warn", "Pending reboot on 2 nodes"]],
      verdict: "ready",
    },
  ])("$case", ({ applyStatus, reboot, expected, verdict }) => {
    const a = audit(
      healthyAccount().replicationGroup({ id: "orders", ...READY, applyStatus, nodeIdsToReboot: reboot }),
      "orders",
    );
    expect(findings(a, "parameter-group-applied").map((f) => [f.severity, f.title])).toEqual(expected);
    expect(a.verdict).toBe(verdict);
  });

  it("shows each member's status as evidence", () => {
    const a = audit(
      healthyAccount().replicationGroup({
        id: "orders",
        ...READY,
        applyStatus: "pending-reboot",
        nodeIdsToReboot: ["0001"],
      }),
      "orders",
    );
    expect(findings(a, "parameter-group-applied")[0]?.evidence).toEqual([
      {
        observed: "orders-001: bullmq-redis7 pending-reboot, nodes to reboot: 0001",
        expected: "in-sync",
        source: "DescribeCacheClusters (us-east-1)",
      },
      {
        observed: "orders-002: bullmq-redis7 pending-reboot, nodes to reboot: 0001",
        expected: "in-sync",
        source: "DescribeCacheClusters (us-east-1)",
      },
    ]);
  });

  it("fails when members report different groups (a change half done)", () => {
    const b = healthyAccount().replicationGroup({ id: "orders", ...READY });
    const snap = b.build();
    if (!snap.cacheClusters.ok) throw new Error("read must succeed");
    snap.cacheClusters.value[1]!.parameterGroup = {
      name: "default.redis7",
      applyStatus: "in-sync",
      nodeIdsToReboot: [],
    };
    const a = auditTarget(snap, { ...snap.scope, kind: "replication-group", id: "orders" });
    expect(a?.findings.filter((f) => f.ruleId === "parameter-group-applied").map((f) => f.title)).toEqual([
      "Members use different parameter groups (bullmq-redis7, default.redis7)",
    ]);
    expect(a?.verdict).toBe("needs-changes");
  });

  it("is unknown when the members could not be read", () => {
    const a = audit(
      healthyAccount()
        .replicationGroup({ id: "orders", ...READY })
        .failRead("cacheClusters", accessDenied("DescribeCacheClusters", "elasticache")),
      "orders",
    );
    expect(findings(a, "parameter-group-applied").map((f) => [f.severity, f.problem?.iamAction])).toEqual([
      ["unknown", "elasticache:DescribeCacheClusters"],
    ]);
  });

  it("does not run for groups with no members listed yet (creating): unknown instead of ready", () => {
    const b = healthyAccount();
    const snap = b.build();
    const { group } = makeReplicationGroup({ id: "new-one", status: "creating" });
    if (snap.replicationGroups.ok) snap.replicationGroups.value.push({ ...group, memberClusterIds: [] });
    const a = auditTarget(snap, { ...snap.scope, kind: "replication-group", id: "new-one" });
    expect(a?.verdict).toBe("unknown");
    expect(
      a?.findings.filter((f) => f.ruleId === "parameter-group-applied").map((f) => f.problem?.code),
    ).toEqual(["not-found"]);
  });
});
