/**
 * Reads one region's live state into a `RegionSnapshot` with as few AWS calls as the data allows: the fleet
 * lists are paged (calls grow with pages, not clusters), each distinct custom group's policy is read once
 * however many clusters share it, and the attached security groups are fetched by id in batches.
 *
 * Independent reads start together; the reads that depend on the cluster list start page by page as it
 * arrives, so they overlap the rest of the paging. A failed read is recorded as a problem for what it covers.
 */
import {
  listCacheClusters,
  listCacheParameterGroups,
  listCacheParameters,
  listCacheSubnetGroups,
  listReplicationGroups,
  listServerlessCaches,
} from "@/lib/adapters/aws/elasticache/reads";
import { listSecurityGroups, listVpcs } from "@/lib/adapters/aws/ec2/reads";
import type { AwsContext } from "@/lib/adapters/aws/context";
import type { CacheCluster, CacheParameter, SecurityGroup } from "@/lib/core/model/resources";
import type { ScopeAccess } from "@/lib/services/estate/scope-access";
import { parameterReads, securityGroupReads, type SecurityGroupReads } from "./dependent-reads";
import { readCloudWatch } from "./cloudwatch";
import { readOwnership } from "./ownership";
import { settle } from "./read-result";
import { collectMemoryDb, memoryDbSecurityGroupIds, readMemoryDbClusters } from "./collect-memorydb";
import type { ReadResult, RegionSnapshot } from "@/lib/core/model/snapshot";

export interface CollectOptions {
  /**
   * Parameter reads in flight at once per region; default 64, enough for every distinct group of a large
   * account to go out in one round (tiny requests; the SDK's adaptive retry backs off when throttled).
   */
  parameterConcurrency?: number;
  /** Clock for `readAt` (tests). */
  now?: () => Date;
}

const PARAMETER_CONCURRENCY = 64;

/** Reads never throw: a failed read is recorded in the snapshot. */
export async function collectRegion(
  { scope, ctx }: ScopeAccess,
  opts: CollectOptions = {},
): Promise<RegionSnapshot> {
  const readAt = (opts.now ?? (() => new Date()))().toISOString();

  const params = parameterReads(
    (name) => settle(policyParameters(ctx, name)),
    opts.parameterConcurrency ?? PARAMETER_CONCURRENCY,
  );
  const sgs = securityGroupReads((ids) => settle(listSecurityGroups(ctx, { ids })));
  // Each page feeds the dependent reads at once: they run while the next pages are fetched.
  const onPage = (page: CacheCluster[]) => {
    params.add(page);
    sgs.add(page.flatMap((c) => c.securityGroups.map((g) => g.id)));
  };

  const replicationGroups = settle(listReplicationGroups(ctx));
  const cacheClusters = settle(listCacheClusters(ctx, { onPage }));
  const serverlessCaches = settle(listServerlessCaches(ctx));
  // All groups in one paged list: an account has far fewer groups than clusters, and this read need not
  // wait for the cluster list. It also gives the planner every existing name to avoid.
  const parameterGroups = settle(listCacheParameterGroups(ctx));
  const subnetGroups = settle(listCacheSubnetGroups(ctx));
  const vpcs = settle(listVpcs(ctx));
  // Once per account-region, whatever the number of clusters.
  const owners = readOwnership(ctx, scope);
  const memoryDbClusters = readMemoryDbClusters(ctx);
  const memorydb = collectMemoryDb(ctx, memoryDbClusters);
  const cloudwatch = readCloudWatch(ctx, cacheClusters);

  const parameters = cacheClusters.then(async (clusters) => {
    // Reads started from pages of a walk that then failed are still awaited (nothing left dangling), but
    // not reported: without the whole cluster list nobody can tell which groups matter.
    const results = await params.results();
    return clusters.ok ? results : {};
  });
  // Serverless caches and MemoryDB clusters carry security groups too: their ids not seen on a cluster
  // page make one more batch once those lists are in.
  const securityGroups = Promise.all([cacheClusters, serverlessCaches, memoryDbClusters]).then(
    ([clusters, serverless, memoryDb]) => {
      if (serverless.ok) sgs.add(serverless.value.flatMap((c) => c.securityGroupIds));
      sgs.add(memoryDbSecurityGroupIds(memoryDb));
      return securityGroupsOf(clusters, sgs);
    },
  );

  return {
    coverage: "region",
    scope,
    region: scope.region,
    readAt,
    replicationGroups: await replicationGroups,
    cacheClusters: await cacheClusters,
    serverlessCaches: await serverlessCaches,
    parameterGroups: await parameterGroups,
    parameters: await parameters,
    subnetGroups: await subnetGroups,
    securityGroups: await securityGroups,
    vpcs: await vpcs,
    owners: await owners,
    memorydb: await memorydb,
    cloudwatch: await cloudwatch,
  };
}

/**
 * What the region's rules need of a custom group: its `maxmemory-policy` as AWS reports it. The rows the user
 * changed (`Source=user`) are one small page and hold it whenever anyone set it, which is why custom groups
 * exist; a group whose policy nobody touched has no row there (docs/aws-facts.md §2), so it is read in full instead.
 * The whole list is ~2 pages of ~40 KB: reading it only when needed halves the audit's bytes and calls.
 */
async function policyParameters(ctx: AwsContext, name: string): Promise<CacheParameter[]> {
  const changed = await listCacheParameters(ctx, name, { source: "user" });
  return changed.some((p) => p.name === "maxmemory-policy" && p.value)
    ? changed
    : listCacheParameters(ctx, name);
}

async function securityGroupsOf(
  clusters: ReadResult<CacheCluster[]>,
  sgs: SecurityGroupReads,
): Promise<ReadResult<SecurityGroup[]>> {
  const result = await sgs.result();
  // Without the cluster list there is nothing to judge network access by; say why rather than "none".
  if (sgs.requested === 0 && !clusters.ok) return clusters;
  return result;
}
