import "server-only";
import { buildStatusRows, type StatusRow } from "@/components/status/status-rows";
import {
  AwsError,
  createAwsContext,
  listCacheClusters,
  listCacheSubnetGroups,
  listReplicationGroups,
  listServerlessCaches,
  toAwsProblem,
  type AwsContext,
  type AwsSettings,
} from "@/lib/aws";
import type { AwsProblem } from "@/lib/aws/types";
import type { ReadResult } from "@/lib/inventory/snapshot";

/** What the status page shows for one region: the rows that could be read and why others could not. */
export interface RegionInventory {
  region: string;
  readAt: string;
  rows: StatusRow[];
  problems: { what: string; problem: AwsProblem }[];
}

async function read<T>(operation: string, ctx: AwsContext, fn: () => Promise<T>): Promise<ReadResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    // lib/aws throws only AwsError; anything else is mapped the same way rather than crash the page.
    const problem = err instanceof AwsError ? err.problem : toAwsProblem(err, { operation, service: "elasticache", region: ctx.region });
    return { ok: false, problem };
  }
}

/**
 * Reads the four lists the table joins, live and in parallel (never cached: the page must show the
 * account as it is now). Each read fails on its own, so a missing permission for one list still lets
 * the others show.
 */
export async function loadRegionInventory(settings: AwsSettings, region: string): Promise<RegionInventory> {
  const readAt = new Date().toISOString();
  const ctx = createAwsContext(settings, region);
  const [groups, clusters, serverless, subnetGroups] = await Promise.all([
    read("DescribeReplicationGroups", ctx, () => listReplicationGroups(ctx)),
    read("DescribeCacheClusters", ctx, () => listCacheClusters(ctx)),
    read("DescribeServerlessCaches", ctx, () => listServerlessCaches(ctx)),
    read("DescribeCacheSubnetGroups", ctx, () => listCacheSubnetGroups(ctx)),
  ]);
  const failed: { what: string; problem: AwsProblem }[] = [];
  const reads = [
    [groups, "replication groups"],
    [clusters, "standalone clusters, versions and parameter groups"],
    [serverless, "serverless caches"],
    [subnetGroups, "VPCs"],
  ] as const;
  for (const [result, what] of reads) if (!result.ok) failed.push({ what, problem: result.problem });
  const rows = buildStatusRows({
    region,
    replicationGroups: groups.ok ? groups.value : [],
    cacheClusters: clusters.ok ? clusters.value : [],
    serverlessCaches: serverless.ok ? serverless.value : [],
    subnetGroups: subnetGroups.ok ? subnetGroups.value : [],
  });
  return { region, readAt, rows, problems: groupByCause(failed, reads.length) };
}

/**
 * One panel per distinct cause: missing credentials fail all four reads, which is one problem to fix,
 * not four. `what` says what the page lacks because of it.
 */
function groupByCause(failed: { what: string; problem: AwsProblem }[], total: number): RegionInventory["problems"] {
  const byCause = new Map<string, { whats: string[]; problem: AwsProblem }>();
  for (const f of failed) {
    // Access denials name different IAM actions, so they stay apart; other causes merge by code.
    const key = f.problem.code === "access-denied" ? `denied:${f.problem.message}` : `${f.problem.code}:${f.problem.awsCode ?? ""}`;
    const entry = byCause.get(key);
    if (entry) entry.whats.push(f.what);
    else byCause.set(key, { whats: [f.what], problem: f.problem });
  }
  return [...byCause.values()].map(({ whats, problem }) => ({
    what: whats.length === total ? "nothing in this region could be read" : `${whats.join("; ")} not shown`,
    problem,
  }));
}
