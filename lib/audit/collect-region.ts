/**
 * Reads one region's live state into a `RegionSnapshot` with as few AWS calls as the data allows: the fleet
 * lists are paged (calls grow with pages, not clusters), each distinct parameter group's parameters are read
 * once however many clusters share it, and the attached security groups are fetched by id in batches.
 *
 * Independent reads start together; the reads that depend on the cluster list start the moment it arrives,
 * not when the slowest unrelated list is done. A failed read is recorded as a problem for what it covers.
 */
import {
  createAwsContext,
  listCacheClusters,
  listCacheParameterGroups,
  listCacheParameters,
  listCacheSubnetGroups,
  listReplicationGroups,
  listSecurityGroups,
  listServerlessCaches,
  listVpcs,
  type AwsSettings,
  type CacheCluster,
  type CacheParameter,
  type RequestListener,
  type SecurityGroup,
  type ServerlessCache,
} from "@/lib/aws";
import type { ReadResult, RegionSnapshot } from "@/lib/inventory/snapshot";
import { mapLimit, settle } from "./settle";

export interface CollectOptions {
  /** Called once per HTTP request sent (retries included), for call counting. */
  onRequest?: RequestListener;
  /** Parameter reads in flight at once per region; default 8 (kind to ElastiCache's rate limits). */
  parameterConcurrency?: number;
  /** Clock for `readAt` (tests). */
  now?: () => Date;
}

/** Throws an AwsError only when the region itself is unusable (e.g. not a region name); reads never throw. */
export async function collectRegion(settings: AwsSettings, region: string, opts: CollectOptions = {}): Promise<RegionSnapshot> {
  const readAt = (opts.now ?? (() => new Date()))().toISOString();
  const ctx = createAwsContext(settings, region, { onRequest: opts.onRequest });

  const replicationGroups = settle(listReplicationGroups(ctx));
  const cacheClusters = settle(listCacheClusters(ctx));
  const serverlessCaches = settle(listServerlessCaches(ctx));
  // All groups in one paged list: an account has far fewer groups than clusters, and this read need not
  // wait for the cluster list. It also gives the planner every existing name to avoid.
  const parameterGroups = settle(listCacheParameterGroups(ctx));
  const subnetGroups = settle(listCacheSubnetGroups(ctx));
  const vpcs = settle(listVpcs(ctx));

  const parameters = cacheClusters.then((clusters) =>
    readParameters(clusters, (name) => settle(listCacheParameters(ctx, name)), opts.parameterConcurrency ?? 8),
  );
  // Serverless caches carry security groups too (their VPC comes from them), so the one batched read
  // waits for both lists; both are first-page reads issued at the same moment.
  const securityGroups = Promise.all([cacheClusters, serverlessCaches]).then(([clusters, serverless]) =>
    readSecurityGroups(clusters, serverless, (ids) => settle(listSecurityGroups(ctx, { ids }))),
  );

  return {
    region,
    readAt,
    replicationGroups: await replicationGroups,
    cacheClusters: await cacheClusters,
    serverlessCaches: await serverlessCaches,
    parameterGroups: await parameterGroups,
    parameters: await parameters,
    subnetGroups: await subnetGroups,
    securityGroups: await securityGroups,
    vpcs: await vpcs,
  };
}

/** Distinct groups of Redis/Valkey nodes only: Memcached groups have nothing the audit reads. */
export function groupsToRead(clusters: CacheCluster[]): string[] {
  const names = clusters.filter((c) => c.engine !== "memcached").flatMap((c) => (c.parameterGroup ? [c.parameterGroup.name] : []));
  return [...new Set(names)].sort();
}

async function readParameters(
  clusters: ReadResult<CacheCluster[]>,
  read: (name: string) => Promise<ReadResult<CacheParameter[]>>,
  concurrency: number,
): Promise<Record<string, ReadResult<CacheParameter[]>>> {
  if (!clusters.ok) return {};
  const names = groupsToRead(clusters.value);
  const results = await mapLimit(names, concurrency, read);
  return Object.fromEntries(names.map((name, i) => [name, results[i]!]));
}

async function readSecurityGroups(
  clusters: ReadResult<CacheCluster[]>,
  serverless: ReadResult<ServerlessCache[]>,
  read: (ids: string[]) => Promise<ReadResult<SecurityGroup[]>>,
): Promise<ReadResult<SecurityGroup[]>> {
  const ids = new Set<string>();
  if (clusters.ok) for (const c of clusters.value) for (const g of c.securityGroups) ids.add(g.id);
  if (serverless.ok) for (const c of serverless.value) for (const id of c.securityGroupIds) ids.add(id);
  // Without the cluster list there is nothing to judge network access by; say why rather than "none".
  if (ids.size === 0 && !clusters.ok) return clusters;
  if (ids.size === 0) return { ok: true, value: [] };
  return read([...ids].sort());
}
