/** The readiness rules over MemoryDB clusters: the same rule ids, MemoryDB's facts and MemoryDB's CLI. */
import { describe, expect, it } from "vitest";
import { auditTarget } from "@/lib/core/readiness/audit";
import { connectionSnippet } from "@/lib/core/readiness/connection-snippet";
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import {
  makeMemoryDbCluster,
  makeMemoryDbReads,
  seedSnapshot,
  seededMemoryDb,
} from "@/tools/testing/fixtures";

const base = seedSnapshot("us-east-1");
const ref = (id: string) => ({
  accountId: base.scope.accountId,
  region: "us-east-1",
  kind: "memorydb-cluster" as const,
  id,
});

function audit(id: string, snapshot: RegionSnapshot = base) {
  const row = auditTarget(snapshot, ref(id));
  if (!row) throw new Error(`${id} not in the snapshot`);
  return row;
}

const titles = (id: string, snapshot?: RegionSnapshot) =>
  audit(id, snapshot).findings.map((f) => `${f.severity} ${f.ruleId}`);

function withCluster(spec: Parameters<typeof makeMemoryDbCluster>[0], policy = "noeviction"): RegionSnapshot {
  const group = spec.parameterGroup ?? "default.memorydb-redis7";
  return {
    ...base,
    memorydb: makeMemoryDbReads(
      [makeMemoryDbCluster({ subnetGroup: "s", securityGroupIds: ["sg-0cache00000000001"], ...spec })],
      [{ name: group, family: "memorydb_redis7", policy }],
      [{ name: "s", vpcId: "vpc-0prod00000000001" }],
    ),
  };
}

describe("MemoryDB readiness", () => {
  it("passes a cluster on MemoryDB's default group (noeviction, read, not assumed)", () => {
    const row = audit("prod-memdb-default");
    expect(row.verdict).toBe("ready");
    expect(row.parameterGroup).toEqual({
      name: "default.memorydb-redis7",
      family: "memorydb_redis7",
      policy: "noeviction",
      isDefault: true,
    });
    expect(row.connection).toEqual({
      mode: "cluster",
      host: "clustercfg.prod-memdb-default.xyz789.memorydb.us-east-1.amazonaws.com",
      port: 6379,
      tls: true,
      auth: "none",
    });
    expect(titles("prod-memdb-default")).toEqual([
      "info cluster-mode-hash-tag",
      "info tls-client",
      "info auth-client",
      "pass engine-version",
      "pass eviction-policy",
      "pass parameter-group-applied",
      "pass network-ingress",
      "pass cluster-status",
    ]);
  });

  it("fails volatile-lru on a custom group with MemoryDB's own commands", () => {
    const row = audit("prod-memdb-lru");
    expect(row.verdict).toBe("needs-changes");
    const finding = row.findings.find((f) => f.ruleId === "eviction-policy")!;
    expect(finding.title).toBe("Custom group prod-memdb-lru has maxmemory-policy volatile-lru");
    expect(finding.detail).toContain("Missing lock for job");
    expect(finding.remediation?.cli).toEqual([
      "aws memorydb update-parameter-group --region us-east-1 --parameter-group-name prod-memdb-lru --parameter-name-values ParameterName=maxmemory-policy,ParameterValue=noeviction",
    ]);
    expect(row.connection?.auth).toBe("rbac");
    expect(row.findings.find((f) => f.ruleId === "auth-client")?.title).toBe(
      "ACL prod-app-acl: the BullMQ user needs EVAL, INFO and CLIENT",
    );
  });

  it("proposes a new group of the cluster's family when the custom group is shared", () => {
    const reads = seededMemoryDb("prod", "vpc-0prod00000000001", "sg-0cache00000000001");
    const clusters = reads.clusters.ok ? reads.clusters.value : [];
    const shared = clusters.map((c) => ({ ...c, parameterGroupName: "prod-memdb-lru" }));
    const snapshot = { ...base, memorydb: { ...reads, clusters: { ok: true as const, value: shared } } };
    const finding = audit("prod-memdb-default", snapshot).findings.find(
      (f) => f.ruleId === "eviction-policy",
    )!;
    expect(finding.remediation?.cli).toEqual([
      "aws memorydb create-parameter-group --region us-east-1 --parameter-group-name bullmq-memorydb-redis7-noeviction --family memorydb_redis7 --description 'BullMQ: noeviction for prod-memdb-default'",
      "aws memorydb update-parameter-group --region us-east-1 --parameter-group-name bullmq-memorydb-redis7-noeviction --parameter-name-values ParameterName=maxmemory-policy,ParameterValue=noeviction",
      "aws memorydb update-cluster --region us-east-1 --cluster-name prod-memdb-default --parameter-group-name bullmq-memorydb-redis7-noeviction",
    ]);
    expect(titles("prod-memdb-default", snapshot)).toContain("warn shared-parameter-group");
  });

  it("reports a change still applying, a busy cluster and a port without a rule", () => {
    const snapshot = withCluster({
      name: "m",
      status: "updating",
      parameterGroupStatus: "applying",
      port: 6380,
    });
    expect(titles("m", snapshot)).toEqual(
      expect.arrayContaining(["fail parameter-group-applied", "fail network-ingress", "warn cluster-status"]),
    );
    expect(audit("m", snapshot).verdict).toBe("needs-changes");
  });

  it("is Unknown, not guessed, when the group's parameters could not be read", () => {
    const snapshot = withCluster({ name: "m" });
    const reads = snapshot.memorydb!;
    const failed: RegionSnapshot = {
      ...snapshot,
      memorydb: {
        ...reads,
        parameters: {
          "default.memorydb-redis7": {
            ok: false,
            problem: {
              code: "throttled",
              message: "Rate exceeded",
              operation: "DescribeParameters",
              retryable: true,
            },
          },
        },
      },
    };
    expect(audit("m", failed).verdict).toBe("unknown");
    expect(audit("m", failed).parameterGroup?.policy).toBeUndefined();
  });

  it("judges Redis 6.2 and Valkey 7.2 by BullMQ's thresholds", () => {
    expect(audit("prod-memdb-valkey").findings.find((f) => f.ruleId === "engine-version")?.title).toBe(
      "Valkey 7.2.6",
    );
    const six = withCluster({ name: "six", version: "6.2.6", parameterGroup: "default.memorydb-redis6" });
    expect(audit("six", six).findings.find((f) => f.ruleId === "engine-version")?.severity).toBe("pass");
  });

  it("gives the connection snippet of a MemoryDB cluster: Cluster client, TLS with dnsLookup, {bull}", () => {
    const code = connectionSnippet(audit("prod-memdb-lru").connection!);
    expect(code).toContain("new Cluster(");
    expect(code).toContain('"clustercfg.prod-memdb-lru.xyz789.memorydb.us-east-1.amazonaws.com"');
    expect(code).toContain("tls: {}");
    expect(code).toContain("dnsLookup");
    expect(code).toContain('prefix: "{bull}"');
    expect(code).toContain("username: process.env.REDIS_USERNAME");
  });

  it("links a MemoryDB finding to the wizard, pre-filled with the MemoryDB cluster", () => {
    const row = audit("prod-memdb-lru");
    const hrefs = new Set(row.findings.map((f) => f.remediation?.wizardHref).filter(Boolean));
    expect([...hrefs]).toEqual([
      "/wizard/target?account=123456789012&region=us-east-1&kind=memorydb-cluster&id=prod-memdb-lru",
    ]);
  });
});
