import { describe, expect, it } from "vitest";
import type { ReplicationGroupSpec } from "@/tools/testing/fixtures";
import type { RuleId } from "@/lib/core/readiness/types";
import { audit, findings, healthyAccount, READY } from "@/tools/testing/readiness-helpers";

function notes(spec: Partial<ReplicationGroupSpec>, rule: RuleId) {
  const a = audit(healthyAccount().replicationGroup({ id: "q", ...READY, ...spec }), "q");
  return { verdict: a.verdict, found: findings(a, rule).map((f) => [f.severity, f.title]) };
}

describe("client notes (never blocking)", () => {
  it.each([
    {
      rule: "cluster-mode-hash-tag",
      spec: { shards: 3 },
      found: [["info", "Cluster mode on: use a {hash-tag} prefix such as {bull}"]],
    },
    { rule: "cluster-mode-hash-tag", spec: {}, found: [] },
    { rule: "tls-client", spec: { tls: true }, found: [["info", "TLS on: client needs tls: {}"]] },
    {
      rule: "tls-client",
      spec: { tls: true, shards: 2 },
      found: [["info", "TLS on: client needs tls: {} and dnsLookup"]],
    },
    { rule: "tls-client", spec: {}, found: [] },
    {
      rule: "auth-client",
      spec: { authToken: true },
      found: [["info", "AUTH token on: the client needs the password"]],
    },
    {
      rule: "auth-client",
      spec: { userGroupIds: ["bullmq-users"] },
      found: [["info", "RBAC user group bullmq-users: the BullMQ user needs EVAL, INFO and CLIENT"]],
    },
    { rule: "auth-client", spec: {}, found: [] },
    {
      rule: "global-datastore",
      spec: { globalDatastore: { id: "ldgnf-q", role: "primary" } },
      found: [["info", "Primary of Global Datastore ldgnf-q"]],
    },
    {
      rule: "global-datastore",
      spec: { globalDatastore: { id: "ldgnf-q", role: "secondary" } },
      found: [["warn", "Secondary of Global Datastore ldgnf-q: read-only for BullMQ"]],
    },
  ] as { rule: RuleId; spec: Partial<ReplicationGroupSpec>; found: string[][] }[])(
    "$rule with $spec",
    ({ rule, spec, found }) => {
      const result = notes(spec, rule);
      expect(result).toEqual({ verdict: "ready", found });
    },
  );

  it("explains the hash tag with the configuration endpoint as evidence", () => {
    const a = audit(healthyAccount().replicationGroup({ id: "q", ...READY, shards: 2 }), "q");
    const [f] = findings(a, "cluster-mode-hash-tag");
    expect(f?.detail).toContain("CROSSSLOT");
    expect(f?.evidence[0]?.observed).toBe(
      "ClusterEnabled=true, 2 shards, configuration endpoint clustercfg.q.abc123.use1.cache.amazonaws.com:6379",
    );
  });

  it("tells RBAC users which commands BullMQ needs", () => {
    const a = audit(healthyAccount().replicationGroup({ id: "q", ...READY, userGroupIds: ["ug"] }), "q");
    expect(findings(a, "auth-client")[0]?.detail).toContain("EVAL/EVALSHA, INFO and CLIENT");
    expect(a.connection?.auth).toBe("rbac");
  });
});
