/**
 * ElastiCache reads: every page, reshaped into the app's types. A read by id/name of something that
 * does not exist throws a `not-found` AwsError (as AWS does), it does not return `[]`.
 */

import {
  ListTagsForResourceCommand,
  paginateDescribeCacheClusters,
  paginateDescribeCacheParameterGroups,
  paginateDescribeCacheParameters,
  paginateDescribeCacheSubnetGroups,
  paginateDescribeEvents,
  paginateDescribeReplicationGroups,
  paginateDescribeServerlessCaches,
} from "@aws-sdk/client-elasticache";
import { callAws, collectPages } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import * as reshape from "./reshape";
import type {
  CacheCluster,
  CacheEvent,
  CacheParameter,
  CacheParameterGroup,
  CacheSubnetGroup,
  ReplicationGroup,
  ServerlessCache,
  Tag,
} from "@/lib/core/model/resources";

// The largest page AWS allows: fewer round trips, and fewer chances to be throttled mid-walk.
const MAX_RECORDS = 100;
const SERVERLESS_MAX_RESULTS = 50;
// DescribeEvents only goes back 14 days.
const MAX_EVENT_MINUTES = 14 * 24 * 60;
const paging = { stopOnSameToken: true } as const;

export async function listReplicationGroups(
  ctx: AwsContext,
  opts?: { id?: string },
): Promise<ReplicationGroup[]> {
  const input = { ReplicationGroupId: opts?.id, MaxRecords: MAX_RECORDS };
  const raw = await collectPages(
    ctx,
    "elasticache",
    "DescribeReplicationGroups",
    ({ elasticache }) => paginateDescribeReplicationGroups({ client: elasticache, ...paging }, input),
    (p) => p.ReplicationGroups,
  );
  return raw.map((g) => reshape.reshapeReplicationGroup(g, ctx.region));
}

/**
 * Members of replication groups and standalone clusters, with node info (endpoints, node status).
 * `onPage` sees each page's clusters the moment that page arrives, so reads that depend on them (parameter
 * groups, security groups) can overlap the rest of the paging. It must not throw. The result is still the
 * whole list or an error: a page delivered to `onPage` may belong to a walk that later fails.
 */
export async function listCacheClusters(
  ctx: AwsContext,
  opts?: { id?: string; onPage?: (clusters: CacheCluster[]) => void },
): Promise<CacheCluster[]> {
  const input = { CacheClusterId: opts?.id, ShowCacheNodeInfo: true, MaxRecords: MAX_RECORDS };
  return collectPages(
    ctx,
    "elasticache",
    "DescribeCacheClusters",
    ({ elasticache }) => paginateDescribeCacheClusters({ client: elasticache, ...paging }, input),
    (p) => {
      const page = (p.CacheClusters ?? []).map((c) => reshape.reshapeCacheCluster(c, ctx.region));
      opts?.onPage?.(page);
      return page;
    },
  );
}

export async function listServerlessCaches(
  ctx: AwsContext,
  opts?: { name?: string },
): Promise<ServerlessCache[]> {
  const input = { ServerlessCacheName: opts?.name, MaxResults: SERVERLESS_MAX_RESULTS };
  const raw = await collectPages(
    ctx,
    "elasticache",
    "DescribeServerlessCaches",
    ({ elasticache }) => paginateDescribeServerlessCaches({ client: elasticache, ...paging }, input),
    (p) => p.ServerlessCaches,
  );
  return raw.map((c) => reshape.reshapeServerlessCache(c, ctx.region));
}

export async function listCacheParameterGroups(
  ctx: AwsContext,
  opts?: { name?: string },
): Promise<CacheParameterGroup[]> {
  const input = { CacheParameterGroupName: opts?.name, MaxRecords: MAX_RECORDS };
  const raw = await collectPages(
    ctx,
    "elasticache",
    "DescribeCacheParameterGroups",
    ({ elasticache }) => paginateDescribeCacheParameterGroups({ client: elasticache, ...paging }, input),
    (p) => p.CacheParameterGroups,
  );
  return raw.map(reshape.reshapeCacheParameterGroup);
}

/**
 * A group's parameters, all pages (a group has more than 100). Without `source` every parameter comes
 * back, the family defaults included: what an audit needs, since `user` omits untouched defaults.
 */
export async function listCacheParameters(
  ctx: AwsContext,
  groupName: string,
  opts?: { source?: "user" | "system" | "engine-default" },
): Promise<CacheParameter[]> {
  const input = { CacheParameterGroupName: groupName, Source: opts?.source, MaxRecords: MAX_RECORDS };
  const raw = await collectPages(
    ctx,
    "elasticache",
    "DescribeCacheParameters",
    ({ elasticache }) => paginateDescribeCacheParameters({ client: elasticache, ...paging }, input),
    (p) => p.Parameters,
  );
  return raw.map(reshape.reshapeCacheParameter);
}

export async function listCacheSubnetGroups(
  ctx: AwsContext,
  opts?: { name?: string },
): Promise<CacheSubnetGroup[]> {
  const input = { CacheSubnetGroupName: opts?.name, MaxRecords: MAX_RECORDS };
  const raw = await collectPages(
    ctx,
    "elasticache",
    "DescribeCacheSubnetGroups",
    ({ elasticache }) => paginateDescribeCacheSubnetGroups({ client: elasticache, ...paging }, input),
    (p) => p.CacheSubnetGroups,
  );
  return raw.map(reshape.reshapeCacheSubnetGroup);
}

/**
 * Recent events (AWS keeps 14 days; default the last 60 minutes), newest first as AWS sends them. A window
 * (`startTime`, `endTime`) wins over `durationMinutes`; a start older than 14 days is moved up to it.
 */
export async function listEvents(
  ctx: AwsContext,
  opts: {
    sourceId?: string;
    sourceType?: "replication-group" | "cache-cluster" | "cache-parameter-group" | "serverless-cache";
    durationMinutes?: number;
    startTime?: Date;
    endTime?: Date;
  },
): Promise<CacheEvent[]> {
  const duration =
    opts.durationMinutes === undefined || opts.startTime
      ? undefined
      : Math.min(Math.max(1, Math.round(opts.durationMinutes)), MAX_EVENT_MINUTES);
  const oldest = Date.now() - MAX_EVENT_MINUTES * 60_000;
  const startTime = opts.startTime && new Date(Math.max(opts.startTime.getTime(), oldest));
  const input = {
    SourceIdentifier: opts.sourceId,
    SourceType: opts.sourceType,
    Duration: duration,
    StartTime: startTime,
    EndTime: opts.endTime,
    MaxRecords: MAX_RECORDS,
  };
  const raw = await collectPages(
    ctx,
    "elasticache",
    "DescribeEvents",
    ({ elasticache }) => paginateDescribeEvents({ client: elasticache, ...paging }, input),
    (p) => p.Events,
  );
  return raw.map(reshape.reshapeEvent);
}

/** Tags of an ElastiCache resource by ARN (one call: the API does not page). */
export async function listTagsForResource(ctx: AwsContext, arn: string): Promise<Tag[]> {
  const out = await callAws(ctx, "elasticache", "ListTagsForResource", ({ elasticache }) =>
    elasticache.send(new ListTagsForResourceCommand({ ResourceName: arn })),
  );
  return (out.TagList ?? []).map(reshape.reshapeTag);
}
