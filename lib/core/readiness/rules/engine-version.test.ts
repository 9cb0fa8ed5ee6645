import { describe, expect, it } from "vitest";
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import { auditTarget } from "@/lib/core/readiness/audit";
import { ACCOUNT_ID } from "@/tools/testing/fixtures";
import { audit, healthyAccount, only, READY } from "@/tools/testing/readiness-helpers";

describe("engine-version", () => {
  it.each([
    {
      engine: "redis",
      version: "4.0.10",
      severity: "fail",
      decides: "incompatible",
      verdict: "incompatible",
      title: "Redis 4.0.10 is below 5.0: BullMQ refuses to run",
    },
    {
      engine: "redis",
      version: "5.0.0",
      severity: "warn",
      decides: undefined,
      verdict: "ready",
      title: "Redis 5.0.0 is below 6.2: BullMQ warns at connect",
    },
    {
      engine: "redis",
      version: "5.0.6",
      severity: "warn",
      decides: undefined,
      verdict: "ready",
      title: "Redis 5.0.6 is below 6.2: BullMQ warns at connect",
    },
    {
      engine: "redis",
      version: "6.0.5",
      severity: "warn",
      decides: undefined,
      verdict: "ready",
      title: "Redis 6.0.5 is below 6.2: BullMQ warns at connect",
    },
    {
      engine: "redis",
      version: "6.2.0",
      severity: "pass",
      decides: undefined,
      verdict: "ready",
      title: "Redis 6.2.0",
    },
    {
      engine: "redis",
      version: "6.2.6",
      severity: "pass",
      decides: undefined,
      verdict: "ready",
      title: "Redis 6.2.6",
    },
    {
      engine: "redis",
      version: "7.1.0",
      severity: "pass",
      decides: undefined,
      verdict: "ready",
      title: "Redis 7.1.0",
    },
    {
      engine: "valkey",
      version: "7.2.6",
      severity: "pass",
      decides: undefined,
      verdict: "ready",
      title: "Valkey 7.2.6",
    },
    {
      engine: "valkey",
      version: "8.0.1",
      severity: "pass",
      decides: undefined,
      verdict: "ready",
      title: "Valkey 8.0.1",
    },
  ] as const)("$engine $version → $severity", ({ engine, version, severity, decides, verdict, title }) => {
    const a = audit(
      healthyAccount().replicationGroup({ id: "q", ...READY, engine, engineVersion: version }),
      "q",
    );
    const f = only(a, "engine-version");
    expect([f.severity, f.decides, f.title, a.verdict]).toEqual([severity, decides, title, verdict]);
  });

  it("marks Memcached not applicable and runs no other rule on it", () => {
    const b = healthyAccount().parameterGroup("default.memcached1.6", "memcached1.6", { policy: null });
    const a = audit(
      b.standalone({
        id: "mc",
        ...READY,
        engine: "memcached",
        engineVersion: "1.6.22",
        parameterGroup: "default.memcached1.6",
        nodes: 2,
      }),
      "mc",
      "cache-cluster",
    );
    expect(a.verdict).toBe("not-applicable");
    expect(a.findings.map((f) => [f.ruleId, f.severity, f.title])).toEqual([
      ["engine-version", "info", "Memcached 1.6.22: not usable by BullMQ"],
    ]);
    expect(a.connection).toBeUndefined();
  });

  it("judges a half-upgraded group by its oldest node", () => {
    const b = healthyAccount().replicationGroup({ id: "q", ...READY, engineVersion: "7.1.0" });
    const snap = b.build();
    if (snap.cacheClusters.ok) snap.cacheClusters.value[1]!.engineVersion = "4.0.10";
    expect(auditTargetVerdict(snap)).toBe("incompatible");
  });

  it("offers the upgrade commands for old Redis", () => {
    const f = only(
      audit(healthyAccount().replicationGroup({ id: "q", ...READY, engineVersion: "5.0.6" }), "q"),
      "engine-version",
    );
    expect(f.remediation?.cli[1]).toBe(
      "aws elasticache modify-replication-group --replication-group-id q --region us-east-1 --engine-version <target-version> --apply-immediately",
    );
  });
});

function auditTargetVerdict(snap: RegionSnapshot) {
  return auditTarget(snap, { accountId: ACCOUNT_ID, kind: "replication-group", region: "us-east-1", id: "q" })
    ?.verdict;
}
