import { describe, expect, it } from "vitest";
import { accessDenied } from "@/tools/testing/fixtures";
import { auditTarget } from "@/lib/core/readiness/audit";
import { audit, healthyAccount, only, READY } from "@/tools/testing/readiness-helpers";

const auditSnapshot = (snapshot: Parameters<typeof auditTarget>[0], id: string) =>
  auditTarget(snapshot, { ...snapshot.scope, kind: "replication-group", id })!;

describe("eviction-policy", () => {
  it.each([
    {
      group: "default.redis7",
      policy: "volatile-lru",
      severity: "fail",
      title: "Default parameter group default.redis7 attached: maxmemory-policy is volatile-lru",
      lockWarning: true,
    },
    {
      group: "custom",
      policy: "allkeys-lru",
      severity: "fail",
      title: "Custom group custom has maxmemory-policy allkeys-lru",
      lockWarning: false,
    },
    {
      group: "custom",
      policy: "allkeys-lfu",
      severity: "fail",
      title: "Custom group custom has maxmemory-policy allkeys-lfu",
      lockWarning: false,
    },
    {
      group: "custom",
      policy: "volatile-ttl",
      severity: "fail",
      title: "Custom group custom has maxmemory-policy volatile-ttl",
      lockWarning: true,
    },
    {
      group: "custom",
      policy: "volatile-lfu",
      severity: "fail",
      title: "Custom group custom has maxmemory-policy volatile-lfu",
      lockWarning: true,
    },
    {
      group: "custom",
      policy: "noeviction",
      severity: "pass",
      title: "maxmemory-policy is noeviction (custom)",
      lockWarning: false,
    },
  ])("$group with $policy → $severity", ({ group, policy, severity, title, lockWarning }) => {
    const b = healthyAccount();
    if (group === "custom") b.parameterGroup("custom", "redis7", { policy });
    const f = only(
      audit(b.replicationGroup({ id: "orders", ...READY, parameterGroup: group }), "orders"),
      "eviction-policy",
    );
    expect([f.severity, f.title]).toEqual([severity, title]);
    expect(f.detail.includes("Missing lock for job")).toBe(lockWarning);
    const fromRead = {
      observed: `maxmemory-policy = ${policy} (source: user)`,
      expected: "noeviction",
      source: `DescribeCacheParameters ${group} (us-east-1)`,
    };
    const fixed = {
      observed:
        "maxmemory-policy = volatile-lru (the redis7 family default; not read: AWS does not let anyone change a default group)",
      expected: "noeviction",
      source:
        "AWS default parameter group default.redis7 (family redis7): fixed at the family default, cannot be modified",
    };
    expect(f.evidence[1]).toEqual(group === "custom" ? fromRead : fixed);
  });

  it.each([
    { group: "default.redis7", family: "redis7", read: "none" },
    { group: "default.valkey8.cluster.on", family: "valkey8", read: "none" },
    { group: "default.redis7", family: "redis7", read: "denied" },
  ])("judges $group as volatile-lru without a parameter read (read: $read)", ({ group, family, read }) => {
    const b = healthyAccount();
    // healthyAccount carries default.redis7's parameters: drop them, as the live audit never reads them.
    const snapshot = b.replicationGroup({ id: "orders", ...READY, parameterGroup: group }).build();
    delete snapshot.parameters[group];
    if (read === "denied")
      snapshot.parameters[group] = {
        ok: false,
        problem: accessDenied("DescribeCacheParameters", "elasticache"),
      };
    const f = only(auditSnapshot(snapshot, "orders"), "eviction-policy");
    expect([f.severity, f.title, f.evidence[1]?.source]).toEqual([
      "fail",
      `Default parameter group ${group} attached: maxmemory-policy is volatile-lru`,
      `AWS default parameter group ${group} (family ${family}): fixed at the family default, cannot be modified`,
    ]);
    expect(f.detail).toContain("Missing lock for job");
  });

  it("sets noeviction in place on an unshared custom group (one command, no reboot)", () => {
    const b = healthyAccount().parameterGroup("custom", "redis7", { policy: "allkeys-lru" });
    const f = only(
      audit(b.replicationGroup({ id: "orders", ...READY, parameterGroup: "custom" }), "orders"),
      "eviction-policy",
    );
    expect(f.remediation).toEqual({
      summary: "Set maxmemory-policy=noeviction on custom: it takes effect at once, no reboot.",
      cli: [
        "aws elasticache modify-cache-parameter-group --region us-east-1 --cache-parameter-group-name custom --parameter-name-values ParameterName=maxmemory-policy,ParameterValue=noeviction",
      ],
      wizardHref: "/wizard/target?account=123456789012&region=us-east-1&kind=replication-group&id=orders",
    });
  });

  it("creates and attaches a custom group when the default is attached, cluster-enabled=yes in cluster mode", () => {
    const b = healthyAccount().parameterGroup("default.redis7.cluster.on", "redis7", {
      policy: "volatile-lru",
      clusterEnabled: true,
    });
    const a = audit(
      b.replicationGroup({ id: "events", ...READY, parameterGroup: "default.redis7.cluster.on", shards: 2 }),
      "events",
    );
    expect(a.verdict).toBe("needs-changes");
    expect(only(a, "eviction-policy").remediation?.cli).toEqual([
      "aws elasticache create-cache-parameter-group --region us-east-1 --cache-parameter-group-name bullmq-redis7-cluster-noeviction --cache-parameter-group-family redis7 --description 'BullMQ: noeviction for events'",
      "aws elasticache modify-cache-parameter-group --region us-east-1 --cache-parameter-group-name bullmq-redis7-cluster-noeviction --parameter-name-values ParameterName=maxmemory-policy,ParameterValue=noeviction ParameterName=cluster-enabled,ParameterValue=yes",
      "aws elasticache modify-replication-group --replication-group-id events --region us-east-1 --cache-parameter-group-name bullmq-redis7-cluster-noeviction --apply-immediately",
    ]);
  });

  it("attaches through modify-cache-cluster for a standalone cluster", () => {
    const a = audit(
      healthyAccount().standalone({ id: "solo", ...READY, parameterGroup: "default.redis7" }),
      "solo",
      "cache-cluster",
    );
    expect(only(a, "eviction-policy").remediation?.cli[2]).toBe(
      "aws elasticache modify-cache-cluster --cache-cluster-id solo --region us-east-1 --cache-parameter-group-name bullmq-redis7-noeviction --apply-immediately",
    );
  });

  it("attaches through the global datastore for a Global Datastore member", () => {
    const b = healthyAccount().replicationGroup({
      id: "orders",
      ...READY,
      parameterGroup: "default.redis7",
      globalDatastore: { id: "ldgnf-orders", role: "primary" },
    });
    expect(only(audit(b, "orders"), "eviction-policy").remediation?.cli[2]).toBe(
      "aws elasticache modify-global-replication-group --region us-east-1 --global-replication-group-id ldgnf-orders --cache-parameter-group-name bullmq-redis7-noeviction --apply-immediately",
    );
  });

  it("advises a dedicated group rather than editing a group other clusters share", () => {
    const b = healthyAccount()
      .parameterGroup("shared", "redis7", { policy: "allkeys-lru" })
      .replicationGroup({ id: "a", ...READY, parameterGroup: "shared" })
      .replicationGroup({ id: "b", ...READY, parameterGroup: "shared" });
    const f = only(audit(b, "a"), "eviction-policy");
    expect(f.remediation?.summary).toBe(
      "Create a custom redis7 group with maxmemory-policy=noeviction and attach it (not shared: b uses it too); no reboot, no downtime.",
    );
    expect(f.remediation?.cli[0]).toContain("--cache-parameter-group-name bullmq-redis7-noeviction");
  });

  it("counts a group with no maxmemory-policy value as the family default volatile-lru", () => {
    const b = healthyAccount().parameterGroup("custom", "redis7", { policy: null });
    const f = only(
      audit(b.replicationGroup({ id: "orders", ...READY, parameterGroup: "custom" }), "orders"),
      "eviction-policy",
    );
    expect(f.severity).toBe("fail");
    expect(f.evidence[1]?.observed).toBe(
      "no maxmemory-policy value reported: the family default volatile-lru applies",
    );
  });

  it.each([
    {
      name: "parameters denied",
      tweak: (b: ReturnType<typeof healthyAccount>) =>
        b.failParameters("bullmq-redis7", accessDenied("DescribeCacheParameters", "elasticache")),
      iam: "elasticache:DescribeCacheParameters",
    },
    {
      name: "clusters denied",
      tweak: (b: ReturnType<typeof healthyAccount>) =>
        b.failRead("cacheClusters", accessDenied("DescribeCacheClusters", "elasticache")),
      iam: "elasticache:DescribeCacheClusters",
    },
  ])("$name → unknown naming $iam", ({ tweak, iam }) => {
    const b = tweak(healthyAccount().replicationGroup({ id: "orders", ...READY }));
    const a = audit(b, "orders");
    const f = only(a, "eviction-policy");
    expect([a.verdict, f.severity, f.problem?.iamAction]).toEqual(["unknown", "unknown", iam]);
    expect(f.remediation?.summary).toBe(`Grant the IAM permission ${iam}, then refresh the audit.`);
  });

  it("is unknown, not ready, when the group's parameters were never read", () => {
    const a = audit(
      healthyAccount()
        .replicationGroup({ id: "orders", ...READY })
        .forgetParameters("bullmq-redis7"),
      "orders",
    );
    expect([a.verdict, only(a, "eviction-policy").title]).toEqual([
      "unknown",
      "Eviction policy unknown: the parameters of bullmq-redis7 could not be read",
    ]);
  });
});
