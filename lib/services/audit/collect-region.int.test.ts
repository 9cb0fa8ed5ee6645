import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { auditRegion } from "@/lib/core/readiness";
import { SEED_VERDICTS } from "@/tools/testing/fixtures";
import { collect } from "@/lib/services/collect/collect";
import { openScope } from "@/lib/services/estate/scope-access";
import { auditRegions } from "./audit-regions";

let sandbox: RunningSandbox;
let settings: AwsSettings;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, applyDelayMs: 200 });
  settings = {
    endpoint: sandbox.url,
    regions: ["us-east-1", "eu-west-1"],
    defaultRegion: "us-east-1",
    maxAttempts: 2,
    credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" },
  };
});
afterAll(() => sandbox.close());

const verdicts = (clusters: { name: string; verdict: string }[]) =>
  Object.fromEntries(clusters.map((c) => [c.name, c.verdict]));

describe("live audit of the seeded sandbox account", () => {
  it("gives every seeded cluster in both regions its SEED.md verdict", async () => {
    sandbox.control.clearFaults();
    const seen: string[] = [];
    const audits = await auditRegions(settings, ["us-east-1", "eu-west-1"], {
      onRegion: (a) => seen.push(a.region),
    });
    expect(audits.map((a) => a.region)).toEqual(["us-east-1", "eu-west-1"]);
    expect(seen.sort()).toEqual(["eu-west-1", "us-east-1"]);
    expect(audits.map((a) => [a.problems, a.failed])).toEqual([
      [[], undefined],
      [[], undefined],
    ]);
    expect(verdicts(audits[0]!.clusters)).toEqual(SEED_VERDICTS["us-east-1"]);
    expect(verdicts(audits[1]!.clusters)).toEqual(SEED_VERDICTS["eu-west-1"]);
  });

  it("reads the facts behind the verdicts from the wire (port 6380, groups, VPC, open rule)", async () => {
    const [audit] = await auditRegions(settings, ["us-east-1"]);
    const byName = new Map(audit!.clusters.map((c) => [c.name, c]));
    const legacy = byName.get("legacy-redis5")!;
    expect([legacy.port, legacy.vpcId, legacy.parameterGroup]).toEqual([
      6380,
      "vpc-0prod00000000001",
      { name: "default.redis5.0", family: "redis5.0", policy: "volatile-lru", isDefault: true },
    ]);
    expect(
      legacy.findings.filter((f) => f.severity !== "pass").map((f) => `${f.severity} ${f.ruleId}`),
    ).toEqual(["fail eviction-policy", "fail network-ingress", "warn engine-version", "warn memory-alarm"]);
    expect(
      byName
        .get("secure-redis7")!
        .findings.filter((f) => f.severity === "warn")
        .map((f) => f.title),
    ).toEqual(["Port 6379 open to 0.0.0.0/0", "secure-redis7-001 is at 82.6 % of maxmemory"]);
    // Its hand-made alarm counts; jobs-valkey8, ready too, has none.
    expect(byName.get("secure-redis7")!.memoryUse).toEqual({
      cacheClusterId: "secure-redis7-001",
      percent: expect.closeTo(82.56, 2),
    });
    expect(
      byName
        .get("jobs-valkey8")!
        .findings.filter((f) => f.ruleId === "memory-alarm")
        .map((f) => `${f.severity} ${f.title}`),
    ).toEqual(["warn No memory alarm on jobs-valkey8"]);
    expect(byName.get("events-cluster")!.connection).toEqual({
      mode: "cluster",
      host: "clustercfg.events-cluster.abc123.use1.cache.amazonaws.com",
      port: 6379,
      tls: false,
      auth: "none",
    });
    expect(byName.get("sessions-redis62")!.findings.map((f) => f.title)).toContain(
      "Parameter group shared-lru-redis6 is shared with cache-redis62",
    );
  });

  it("reports regions as they complete", async () => {
    const regions: string[] = [];
    await auditRegions(settings, ["eu-west-1", "us-east-1"], {
      onRegion: (audit) => regions.push(`${audit.region}:${audit.clusters.length}`),
    });
    expect(regions.sort()).toEqual(["eu-west-1:3", "us-east-1:15"]);
  });
});

describe("failed reads degrade to Unknown for what they cover", () => {
  it("access denied on one group's parameters: only the cluster using it is unknown", async () => {
    sandbox.control.clearFaults();
    // One lane reads the groups in name order, so the single failure hits the first group: bullmq-valkey8.
    sandbox.control.addFault({
      operation: "DescribeCacheParameters",
      kind: "access-denied",
      count: 1,
      region: "us-east-1",
    });
    const snapshot = await collect(await openScope(settings, "us-east-1"), undefined, {
      parameterConcurrency: 1,
    });
    sandbox.control.clearFaults();
    const [audit] = await auditRegions(settings, ["us-east-1"]);
    const degraded = auditRegion(snapshot);
    expect(verdicts(degraded.clusters)).toEqual({ ...SEED_VERDICTS["us-east-1"], "jobs-valkey8": "unknown" });
    expect(degraded.problems.map((p) => [p.code, p.iamAction])).toEqual([
      ["access-denied", "elasticache:DescribeCacheParameters"],
    ]);
    const finding = degraded.clusters.find((c) => c.name === "jobs-valkey8")!.findings[0]!;
    expect([finding.ruleId, finding.severity, finding.problem?.iamAction]).toEqual([
      "eviction-policy",
      "unknown",
      "elasticache:DescribeCacheParameters",
    ]);
    expect(verdicts(audit!.clusters)).toEqual(SEED_VERDICTS["us-east-1"]);
  });

  it("security groups throttled past the retries: network unknown, the policy verdicts still stand", async () => {
    sandbox.control.clearFaults();
    sandbox.control.addFault({ operation: "DescribeSecurityGroups", kind: "throttle", region: "eu-west-1" });
    const [audit] = await auditRegions(settings, ["eu-west-1"]);
    sandbox.control.clearFaults();
    expect(verdicts(audit!.clusters)).toEqual({
      "eu-orders": "needs-changes",
      "eu-jobs-valkey7": "unknown",
      "eu-serverless": "incompatible",
    });
    const orders = audit!.clusters.find((c) => c.name === "eu-orders")!;
    expect(orders.findings.slice(0, 2).map((f) => `${f.severity} ${f.ruleId}`)).toEqual([
      "fail eviction-policy",
      "unknown network-ingress",
    ]);
    expect(audit!.problems.map((p) => [p.code, p.operation])).toEqual([
      ["throttled", "DescribeSecurityGroups"],
    ]);
  });

  it("a throttle that clears within the retries changes nothing", async () => {
    sandbox.control.clearFaults();
    sandbox.control.addFault({
      operation: "DescribeCacheClusters",
      kind: "throttle",
      count: 1,
      region: "eu-west-1",
    });
    const [audit] = await auditRegions(settings, ["eu-west-1"]);
    sandbox.control.clearFaults();
    expect([verdicts(audit!.clusters), audit!.problems]).toEqual([SEED_VERDICTS["eu-west-1"], []]);
  });

  it("a region that is not a region name is a failed region, not a thrown error", async () => {
    const [audit] = await auditRegions(settings, ["moon-base-1x"]);
    expect([audit!.clusters, audit!.failed?.code]).toEqual([[], "unknown-region"]);
  });
});
