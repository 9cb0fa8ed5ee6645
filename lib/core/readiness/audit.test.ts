import { describe, expect, it } from "vitest";
import { accessDenied, SEED_VERDICTS, seedSnapshot, ACCOUNT_ID } from "@/tools/testing/fixtures";
import { auditRegion, verdictOf } from "./audit";
import { healthyAccount, READY } from "@/tools/testing/readiness-helpers";
import type { Finding } from "./types";

const f = (severity: Finding["severity"], decides?: Finding["decides"]): Finding => ({
  ruleId: "eviction-policy",
  severity,
  title: "t",
  detail: "d",
  evidence: [],
  decides,
});

describe("verdictOf", () => {
  it.each([
    { findings: [f("pass"), f("info"), f("warn")], verdict: "ready" },
    { findings: [f("pass"), f("fail")], verdict: "needs-changes" },
    { findings: [f("fail"), f("unknown")], verdict: "needs-changes" },
    { findings: [f("pass"), f("unknown"), f("warn")], verdict: "unknown" },
    { findings: [f("unknown"), f("fail", "incompatible")], verdict: "incompatible" },
    { findings: [f("info", "not-applicable"), f("fail", "incompatible")], verdict: "not-applicable" },
    { findings: [], verdict: "ready" },
  ])("$verdict", ({ findings, verdict }) => {
    expect(verdictOf(findings)).toBe(verdict);
  });
});

describe("auditRegion", () => {
  it.each(["us-east-1", "eu-west-1"] as const)(
    "gives every seeded cluster in %s its SEED.md verdict",
    (region) => {
      const audit = auditRegion(seedSnapshot(region));
      expect(Object.fromEntries(audit.clusters.map((c) => [c.name, c.verdict]))).toEqual(
        SEED_VERDICTS[region],
      );
      expect(audit.problems).toEqual([]);
    },
  );

  it("fills the row the status page shows", () => {
    const legacy = auditRegion(seedSnapshot("us-east-1")).clusters.find((c) => c.name === "legacy-redis5");
    expect(
      legacy && { ...legacy, findings: legacy.findings.map((x) => `${x.severity} ${x.ruleId}`) },
    ).toEqual({
      ref: { accountId: ACCOUNT_ID, kind: "replication-group", region: "us-east-1", id: "legacy-redis5" },
      name: "legacy-redis5",
      kind: "replication-group",
      engine: "redis",
      engineVersion: "5.0.6",
      accountId: ACCOUNT_ID,
      region: "us-east-1",
      vpcId: "vpc-0prod00000000001",
      vpcName: "prod",
      status: "available",
      topology: "1 shard × 2 nodes",
      port: 6380,
      parameterGroup: {
        name: "default.redis5.0",
        family: "redis5.0",
        policy: "volatile-lru",
        isDefault: true,
      },
      verdict: "needs-changes",
      findings: [
        "fail eviction-policy",
        "fail network-ingress",
        "warn engine-version",
        "pass parameter-group-applied",
        "pass cluster-status",
      ],
      connection: {
        mode: "single",
        host: "legacy-redis5.abc123.ng.0001.use1.cache.amazonaws.com",
        port: 6380,
        tls: false,
        auth: "none",
      },
      // A snapshot nobody read owners into tells none.
      owner: null,
      partOwners: [
        { kind: "parameter-group", id: "default.redis5.0", owner: null },
        { kind: "subnet-group", id: "prod-cache-subnets", owner: null },
        { kind: "security-group", id: "sg-0cache00000000001", owner: null },
      ],
    });
  });

  it("degrades only what a failed read covers and lists each problem once", () => {
    const denied = accessDenied("DescribeCacheParameters", "elasticache");
    const b = healthyAccount()
      .replicationGroup({ id: "ok", ...READY })
      .parameterGroup("lru-redis7", "redis7", { policy: "allkeys-lru" })
      .replicationGroup({ id: "blind", ...READY, parameterGroup: "lru-redis7" })
      .failParameters("lru-redis7", denied);
    const audit = auditRegion(b.build());
    expect(audit.clusters.map((c) => [c.name, c.verdict])).toEqual([
      ["blind", "unknown"],
      ["ok", "ready"],
    ]);
    expect(audit.problems).toEqual([denied]);
    expect(audit.failed).toBeUndefined();
  });

  it("still finds replication groups through their members when DescribeReplicationGroups fails", () => {
    const b = healthyAccount()
      .replicationGroup({ id: "q", ...READY })
      .failRead("replicationGroups", accessDenied("DescribeReplicationGroups", "elasticache"));
    expect(auditRegion(b.build()).clusters.map((c) => [c.name, c.verdict, c.engineVersion])).toEqual([
      ["q", "unknown", "7.1.0"],
    ]);
  });

  it("marks the region failed when no cluster list could be read", () => {
    const b = healthyAccount().replicationGroup({ id: "q", ...READY });
    for (const read of ["replicationGroups", "cacheClusters", "serverlessCaches"] as const)
      b.failRead(read, accessDenied("Describe", "elasticache"));
    const audit = auditRegion(b.build());
    expect([audit.clusters, audit.failed?.code]).toEqual([[], "access-denied"]);
  });
});
