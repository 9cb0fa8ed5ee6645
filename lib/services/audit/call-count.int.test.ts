import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAwsContext } from "@/lib/adapters/aws/context";
import { createCacheParameterGroup, modifyCacheCluster } from "@/lib/adapters/aws/elasticache/writes";
import {
  listCacheClusters,
  listCacheParameterGroups,
  listCacheParameters,
  listCacheSubnetGroups,
  listReplicationGroups,
  listServerlessCaches,
} from "@/lib/adapters/aws/elasticache/reads";
import { listVpcs } from "@/lib/adapters/aws/ec2/reads";
import {
  listMemoryDbClusters,
  listMemoryDbParameterGroups,
  listMemoryDbParameters,
} from "@/lib/adapters/aws/memorydb/reads";
import { listElastiCacheAlarms } from "@/lib/adapters/aws/cloudwatch/reads";
import { listStackResources } from "@/lib/adapters/aws/cloudformation/reads";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { callerIdentity } from "@/lib/services/estate/scope-access";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { auditRegions } from "./audit-regions";

const REGION = "us-east-1";
const FLEET = 300;
let sandbox: RunningSandbox;
let settings: AwsSettings;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: { clusters: FLEET, regions: [REGION], seed: 42 } });
  settings = {
    endpoint: sandbox.url,
    regions: [REGION],
    defaultRegion: REGION,
    maxAttempts: 2,
    credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" },
  };
  // The account is asked of STS once per process per credential set, not per audit: ask it before counting.
  await callerIdentity(settings);
  await attachUntouchedGroup();
});

const UNTOUCHED = "untouched-policy";

/** One standalone Redis cluster gets a custom group nobody changed: no `Source=user` row for its policy. */
async function attachUntouchedGroup() {
  const ctx = createAwsContext(settings, REGION);
  const standalone = (await listCacheClusters(ctx)).find(
    (c) => !c.replicationGroupId && c.engine === "redis" && c.parameterGroup,
  )!;
  const current = (await listCacheParameterGroups(ctx)).find(
    (g) => g.name === standalone.parameterGroup!.name,
  )!;
  await createCacheParameterGroup(ctx, { name: UNTOUCHED, family: current.family, description: "untouched" });
  await modifyCacheCluster(ctx, standalone.id, { cacheParameterGroupName: UNTOUCHED });
}
afterAll(() => sandbox.close());

/** Pages a list of `n` takes at `size` per page: an empty list still costs one call. */
const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));

/**
 * The bound, computed from the fleet as read directly (not through lib/services/audit): one call per page of each
 * fleet list, per page of each distinct attached custom group's parameters, and per batch of 200 security group ids.
 */
async function expectedCalls(): Promise<Record<string, number>> {
  const ctx = createAwsContext(settings, REGION);
  const [
    groups,
    clusters,
    serverless,
    paramGroups,
    subnetGroups,
    vpcs,
    stackResources,
    memoryDb,
    memoryDbGroups,
    alarms,
  ] = await Promise.all([
    listReplicationGroups(ctx),
    listCacheClusters(ctx),
    listServerlessCaches(ctx),
    listCacheParameterGroups(ctx),
    listCacheSubnetGroups(ctx),
    listVpcs(ctx),
    listStackResources(ctx),
    listMemoryDbClusters(ctx),
    listMemoryDbParameterGroups(ctx),
    listElastiCacheAlarms(ctx),
  ]);
  // MemoryDB: every group a cluster uses is read in full, default groups included (MemoryDB's differ).
  const memoryDbAttached = [
    ...new Set(memoryDb.flatMap((c) => (c.parameterGroupName ? [c.parameterGroupName] : []))),
  ];
  const memoryDbParamPages = await Promise.all(
    memoryDbAttached.map(async (name) => pages((await listMemoryDbParameters(ctx, name)).length, 100)),
  );
  expect(memoryDb.length).toBe(FLEET / 20);
  // The fleet's stacks hold ten clusters each: one ListStackResources page per stack.
  const stacks = new Set(stackResources.map((r) => r.stackName)).size;
  expect(stacks).toBeGreaterThan(1);
  // Memcached groups hold nothing the rules read, and default groups hold the fixed family default: the
  // audit reads only the distinct custom groups of Redis/Valkey nodes.
  const attached = [
    ...new Set(
      clusters
        .filter((c) => c.engine !== "memcached")
        .flatMap((c) => (c.parameterGroup ? [c.parameterGroup.name] : [])),
    ),
  ].filter((name) => !name.startsWith("default."));
  // Per group: its user-changed rows, and every row only when those do not hold the policy.
  const paramPages = await Promise.all(
    attached.map(async (name) => {
      const changed = await listCacheParameters(ctx, name, { source: "user" });
      const full = changed.some((p) => p.name === "maxmemory-policy")
        ? 0
        : pages((await listCacheParameters(ctx, name)).length, 100);
      return pages(changed.length, 100) + full;
    }),
  );
  const sgIds = new Set([
    ...clusters.flatMap((c) => c.securityGroups.map((g) => g.id)),
    ...serverless.flatMap((s) => s.securityGroupIds),
    ...memoryDb.flatMap((c) => c.securityGroups.map((g) => g.id)),
  ]);
  expect(groups.length + clusters.filter((c) => !c.replicationGroupId).length + serverless.length).toBe(
    FLEET,
  );
  // The fleet attaches both kinds, so the bound really excludes default groups (and still reads custom ones).
  expect(
    clusters.some((c) => c.parameterGroup?.name.startsWith("default.") && c.engine !== "memcached"),
  ).toBe(true);
  expect(attached.length).toBeGreaterThan(1);
  expect(attached).toContain(UNTOUCHED);
  return {
    "elasticache:DescribeReplicationGroups": pages(groups.length, 100),
    "elasticache:DescribeCacheClusters": pages(clusters.length, 100),
    "elasticache:DescribeServerlessCaches": pages(serverless.length, 50),
    "elasticache:DescribeCacheParameterGroups": pages(paramGroups.length, 100),
    "elasticache:DescribeCacheSubnetGroups": pages(subnetGroups.length, 100),
    "ec2:DescribeVpcs": pages(vpcs.length, 1000),
    "elasticache:DescribeCacheParameters": paramPages.reduce((a, b) => a + b, 0),
    "ec2:DescribeSecurityGroups": pages(sgIds.size, 200),
    // Ownership: once per account-region, never per cluster.
    "cloudformation:ListStacks": pages(stacks, 100),
    "cloudformation:ListStackResources": stacks,
    "memorydb:DescribeClusters": pages(memoryDb.length, 100),
    "memorydb:DescribeParameterGroups": pages(memoryDbGroups.length, 100),
    "memorydb:DescribeParameters": memoryDbParamPages.reduce((a, b) => a + b, 0),
    "memorydb:DescribeSubnetGroups": 1,
    "memorydb:DescribeACLs": 1,
    // Alarms: once per account-region; memory use: one query per Redis/Valkey node, 500 per call.
    "cloudwatch:DescribeAlarms": pages(alarms.length, 100),
    "cloudwatch:GetMetricData": Math.ceil(clusters.filter((c) => c.engine !== "memcached").length / 500),
  };
}

describe("AWS calls for a generated fleet", () => {
  it(`audits ${FLEET} clusters within pages + distinct custom groups + SG batches`, async () => {
    const bound = await expectedCalls();
    const counted: Record<string, number> = {};
    sandbox.control.resetCalls();
    const [audit] = await auditRegions(settings, [REGION], {
      onRequest: ({ service, operation }) =>
        void (counted[`${service}:${operation}`] = (counted[`${service}:${operation}`] ?? 0) + 1),
    });
    const total = Object.values(counted).reduce((a, b) => a + b, 0);
    const boundTotal = Object.values(bound).reduce((a, b) => a + b, 0);
    console.info(
      `[call-count] ${FLEET} clusters: ${total} AWS calls (bound ${boundTotal}): ${JSON.stringify(counted)}`,
    );
    expect(audit!.problems).toEqual([]);
    // The generated fleet adds one MemoryDB cluster per twenty (tools/sandbox/seed/fleet.ts).
    expect(audit!.clusters).toHaveLength(FLEET + FLEET / 20);
    // Exactly the bound, per operation: no retries happen here, and any per-cluster call would show at once.
    expect(counted).toEqual(bound);
    // The sandbox saw the same requests the client sent.
    expect(sandbox.control.calls()).toEqual(counted);
    expect(audit!.clusters.filter((c) => c.verdict === "unknown")).toEqual([]);
    // A quarter of the fleet's replication groups and Redis/Valkey clusters belong to stacks.
    const owned = audit!.clusters.filter((c) => c.owner?.tool === "cloudformation").length;
    expect(owned).toBeGreaterThan(FLEET / 8);
    expect(owned).toBeLessThan(FLEET / 3);
    // The untouched group was read in full: its policy is what AWS reports, not an assumption.
    const evidence = audit!.clusters
      .flatMap((c) => c.findings.filter((f) => f.ruleId === "eviction-policy"))
      .flatMap((f) => f.evidence)
      .filter((e) => e.source.includes(UNTOUCHED));
    expect(evidence.map((e) => e.observed)).toContain("maxmemory-policy = volatile-lru (source: system)");
  });

  it("starts the parameter and security group reads while the cluster pages are still coming", async () => {
    const order: string[] = [];
    const [audit] = await auditRegions(settings, [REGION], {
      onRequest: ({ operation }) => void order.push(operation),
    });
    expect(audit!.clusters).toHaveLength(FLEET + FLEET / 20);
    const clusterPages = order.flatMap((op, i) => (op === "DescribeCacheClusters" ? [i] : []));
    expect(clusterPages.length).toBeGreaterThanOrEqual(3);
    // Pipelined: the first page's groups and security groups go out before the third page is requested
    // (the second page may race them to the wire; the third waits for a round trip).
    expect(order.indexOf("DescribeCacheParameters")).toBeGreaterThan(clusterPages[0]!);
    expect(order.indexOf("DescribeCacheParameters")).toBeLessThan(clusterPages[2]!);
    expect(order.indexOf("DescribeSecurityGroups")).toBeLessThan(clusterPages[2]!);
  });
});
