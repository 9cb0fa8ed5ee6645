/**
 * MemoryDB reads: every page, reshaped into the app's types. A read by name of something that does not
 * exist throws a `not-found` AwsError (as AWS does), it does not return `[]`.
 */
import {
  paginateDescribeACLs,
  paginateDescribeClusters,
  paginateDescribeParameterGroups,
  paginateDescribeParameters,
  paginateDescribeSubnetGroups,
} from "@aws-sdk/client-memorydb";
import { collectPages } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import type { MemoryDbAcl, MemoryDbCluster, MemoryDbParameterGroup } from "@/lib/core/model/memorydb";
import type { CacheParameter, CacheSubnetGroup } from "@/lib/core/model/resources";
import * as reshape from "./reshape";

// MemoryDB's largest page: fewer round trips, fewer chances to be throttled mid-walk.
const MAX_RESULTS = 100;
const paging = { stopOnSameToken: true } as const;

/** Clusters with their shards and node endpoints (`ShowShardDetails`); one cluster when `name` is given. */
export async function listMemoryDbClusters(
  ctx: AwsContext,
  opts?: { name?: string },
): Promise<MemoryDbCluster[]> {
  const input = { ClusterName: opts?.name, ShowShardDetails: true, MaxResults: MAX_RESULTS };
  const raw = await collectPages(
    ctx,
    "memorydb",
    "DescribeClusters",
    ({ memorydb }) => paginateDescribeClusters({ client: memorydb, ...paging }, input),
    (p) => p.Clusters,
  );
  return raw.map((c) => reshape.reshapeCluster(c, ctx.region));
}

export async function listMemoryDbParameterGroups(
  ctx: AwsContext,
  opts?: { name?: string },
): Promise<MemoryDbParameterGroup[]> {
  const input = { ParameterGroupName: opts?.name, MaxResults: MAX_RESULTS };
  const raw = await collectPages(
    ctx,
    "memorydb",
    "DescribeParameterGroups",
    ({ memorydb }) => paginateDescribeParameterGroups({ client: memorydb, ...paging }, input),
    (p) => p.ParameterGroups,
  );
  return raw.map(reshape.reshapeParameterGroup);
}

/** Every parameter of a group with its effective value (MemoryDB has no `Source` filter), all pages. */
export async function listMemoryDbParameters(ctx: AwsContext, groupName: string): Promise<CacheParameter[]> {
  const input = { ParameterGroupName: groupName, MaxResults: MAX_RESULTS };
  const raw = await collectPages(
    ctx,
    "memorydb",
    "DescribeParameters",
    ({ memorydb }) => paginateDescribeParameters({ client: memorydb, ...paging }, input),
    (p) => p.Parameters,
  );
  return raw.map(reshape.reshapeParameter);
}

export async function listMemoryDbSubnetGroups(ctx: AwsContext): Promise<CacheSubnetGroup[]> {
  const raw = await collectPages(
    ctx,
    "memorydb",
    "DescribeSubnetGroups",
    ({ memorydb }) =>
      paginateDescribeSubnetGroups({ client: memorydb, ...paging }, { MaxResults: MAX_RESULTS }),
    (p) => p.SubnetGroups,
  );
  return raw.map(reshape.reshapeSubnetGroup);
}

export async function listMemoryDbAcls(ctx: AwsContext): Promise<MemoryDbAcl[]> {
  const raw = await collectPages(
    ctx,
    "memorydb",
    "DescribeACLs",
    ({ memorydb }) => paginateDescribeACLs({ client: memorydb, ...paging }, { MaxResults: MAX_RESULTS }),
    (p) => p.ACLs,
  );
  return raw.map(reshape.reshapeAcl);
}
