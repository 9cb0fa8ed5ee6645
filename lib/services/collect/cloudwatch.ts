/**
 * The CloudWatch reads of one account-region: its ElastiCache alarms (one paged walk per account-region per
 * audit, whatever the number of clusters) and the memory use of the Redis/Valkey cache clusters asked for
 * (read once their list is in). Never throws for AWS trouble: each read that fails is kept as a problem.
 */
import { listElastiCacheAlarms, readMemoryUse } from "@/lib/adapters/aws/cloudwatch/reads";
import type { AwsContext } from "@/lib/adapters/aws/context";
import type { CacheCluster } from "@/lib/core/model/resources";
import type { CloudWatchSnapshot, ReadResult } from "@/lib/core/model/snapshot";
import { settle } from "./read-result";

export async function readCloudWatch(
  ctx: AwsContext,
  clusters: Promise<ReadResult<CacheCluster[]>>,
  only?: (c: CacheCluster) => boolean,
): Promise<CloudWatchSnapshot> {
  const alarms = settle(listElastiCacheAlarms(ctx));
  const memory = clusters.then((list) => {
    if (!list.ok) return list;
    const ids = list.value.filter((c) => c.engine !== "memcached" && (only?.(c) ?? true)).map((c) => c.id);
    return settle(readMemoryUse(ctx, ids));
  });
  return { alarms: await alarms, memory: await memory };
}
