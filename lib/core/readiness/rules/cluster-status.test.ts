import { describe, expect, it } from "vitest";
import { accessDenied } from "@/tools/testing/fixtures";
import { audit, findings, healthyAccount, only, READY } from "@/tools/testing/readiness-helpers";

describe("cluster-status", () => {
  it.each([
    { status: "available", severity: "pass", title: "Available, no pending modifications", verdict: "ready" },
    { status: "modifying", severity: "warn", title: "Busy: modifying", verdict: "ready" },
    { status: "snapshotting", severity: "warn", title: "Busy: snapshotting", verdict: "ready" },
    { status: "creating", severity: "warn", title: "Busy: creating", verdict: "ready" },
    { status: "create-failed", severity: "fail", title: "Status create-failed", verdict: "needs-changes" },
    { status: "deleting", severity: "fail", title: "Status deleting", verdict: "needs-changes" },
  ])("replication group $status → $severity", ({ status, severity, title, verdict }) => {
    const a = audit(healthyAccount().replicationGroup({ id: "q", ...READY, status }), "q");
    expect([only(a, "cluster-status").severity, only(a, "cluster-status").title, a.verdict]).toEqual([
      severity,
      title,
      verdict,
    ]);
  });

  it.each([
    { status: "incompatible-network", severity: "fail" },
    { status: "restore-failed", severity: "fail" },
    { status: "rebooting cluster nodes", severity: "warn" },
  ])("standalone cluster $status → $severity", ({ status, severity }) => {
    const a = audit(healthyAccount().standalone({ id: "solo", ...READY, status }), "solo", "cache-cluster");
    expect(only(a, "cluster-status").severity).toBe(severity);
    expect(only(a, "cluster-status").evidence).toEqual([
      { observed: status, expected: "available", source: "DescribeCacheClusters (us-east-1)" },
    ]);
  });

  it("lists pending modifications of the group and its members", () => {
    const b = healthyAccount().replicationGroup({
      id: "q",
      ...READY,
      pendingChanges: [{ field: "AutomaticFailoverStatus", value: "enabled" }],
    });
    const a = audit(b, "q");
    expect(
      findings(a, "cluster-status").map((f) => [f.severity, f.title, f.evidence.map((e) => e.observed)]),
    ).toEqual([["warn", "1 pending modification", ["q: AutomaticFailoverStatus → enabled"]]]);
  });

  it("warns about members that are not available while the group is", () => {
    const a = audit(
      healthyAccount().replicationGroup({ id: "q", ...READY, memberStatus: "rebooting cluster nodes" }),
      "q",
    );
    expect(only(a, "cluster-status").title).toBe("2 nodes not available");
  });

  it("is unknown when the group list failed and the group is only seen through its members", () => {
    const b = healthyAccount()
      .replicationGroup({ id: "q", ...READY })
      .failRead("replicationGroups", accessDenied("DescribeReplicationGroups", "elasticache"));
    const a = audit(b, "q");
    expect([
      a.verdict,
      only(a, "cluster-status").severity,
      only(a, "cluster-status").problem?.iamAction,
    ]).toEqual(["unknown", "unknown", "elasticache:DescribeReplicationGroups"]);
  });
});

describe("serverless", () => {
  it("is incompatible with the reason and no wizard link, and no other rule runs", () => {
    const b = healthyAccount().serverlessCache("sl", {
      engine: "valkey",
      majorEngineVersion: "8",
      securityGroupIds: ["sg-cache"],
    });
    const a = audit(b, "sl", "serverless");
    expect(a.verdict).toBe("incompatible");
    expect(a.findings.map((f) => [f.ruleId, f.severity, f.title])).toEqual([
      ["serverless", "fail", "Serverless valkey 8: incompatible with BullMQ"],
    ]);
    const f = a.findings[0]!;
    expect(f.detail).toContain("no parameter groups");
    expect(f.detail).toContain("MULTI/EXEC");
    expect(f.remediation?.wizardHref).toBeUndefined();
    expect(f.remediation?.cli[2]).toContain(
      "create-replication-group --region us-east-1 --replication-group-id sl-nodes",
    );
    expect([a.vpcId, a.port, a.connection]).toEqual(["vpc-1", 6379, undefined]);
  });
});
