/**
 * CloudWatch reads: the account-region's alarms (once per audit, not per cluster: DescribeAlarms cannot
 * filter by metric, and one paged walk answers every cluster) and the memory use of cache clusters (one
 * GetMetricData query per cluster, up to 500 per call).
 */
import {
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  paginateDescribeAlarms,
  type MetricDataQuery,
  type MetricDataResult,
} from "@aws-sdk/client-cloudwatch";
import { callAws, chunk, collectPages } from "@/lib/adapters/aws/call";
import type { AwsContext } from "@/lib/adapters/aws/context";
import { ALARM_METRIC, type MemoryUse, type MetricAlarm } from "@/lib/core/model/alarms";
import { reshapeMemoryUse, reshapeMetricAlarm } from "./reshape";

const NAMESPACE = "AWS/ElastiCache";
/** GetMetricData takes at most 500 queries per call. */
const QUERIES_PER_CALL = 500;
const WINDOW_MS = 15 * 60_000;

/** Every metric alarm on an ElastiCache metric in the account-region (other namespaces are dropped). */
export async function listElastiCacheAlarms(ctx: AwsContext): Promise<MetricAlarm[]> {
  const alarms = await collectPages(
    ctx,
    "cloudwatch",
    "DescribeAlarms",
    ({ cloudwatch }) =>
      paginateDescribeAlarms({ client: cloudwatch, stopOnSameToken: true }, { MaxRecords: 100 }),
    (p) => p.MetricAlarms,
  );
  return alarms.flatMap((a) => reshapeMetricAlarm(a) ?? []).filter((a) => a.namespace === NAMESPACE);
}

/** The metric alarm named `name`, whatever its namespace, or undefined when there is none. */
export async function findMetricAlarm(ctx: AwsContext, name: string): Promise<MetricAlarm | undefined> {
  const out = await callAws(ctx, "cloudwatch", "DescribeAlarms", ({ cloudwatch }) =>
    cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [name], AlarmTypes: ["MetricAlarm"] })),
  );
  const found = (out.MetricAlarms ?? []).find((a) => a.AlarmName === name);
  return found ? reshapeMetricAlarm(found) : undefined;
}

/**
 * The maximum memory use of the last 15 minutes of each cache cluster, in percent of maxmemory
 * (`DatabaseMemoryUsageCountedForEvictPercentage`: what the engine compares before refusing writes).
 * Clusters without datapoints in the window are left out (no data is not 0 %).
 */
export async function readMemoryUse(
  ctx: AwsContext,
  cacheClusterIds: string[],
  now: Date = new Date(),
): Promise<MemoryUse[]> {
  const out: MemoryUse[] = [];
  for (const batch of chunk(cacheClusterIds, QUERIES_PER_CALL)) {
    const queries: MetricDataQuery[] = batch.map((id, i) => ({
      Id: `m${i}`,
      MetricStat: {
        Metric: {
          Namespace: NAMESPACE,
          MetricName: ALARM_METRIC,
          Dimensions: [{ Name: "CacheClusterId", Value: id }],
        },
        Period: 60,
        Stat: "Maximum",
      },
    }));
    const results = await callAws(ctx, "cloudwatch", "GetMetricData", async ({ cloudwatch }) => {
      const all: MetricDataResult[] = [];
      let token: string | undefined;
      do {
        const page = await cloudwatch.send(
          new GetMetricDataCommand({
            MetricDataQueries: queries,
            StartTime: new Date(now.getTime() - WINDOW_MS),
            EndTime: now,
            NextToken: token,
          }),
        );
        all.push(...(page.MetricDataResults ?? []));
        token = page.NextToken;
      } while (token);
      return all;
    });
    // A paged answer splits one query's datapoints over several results with the same Id. Grouped once:
    // filtering every result for each of 500 queries was a quarter of a million comparisons per call.
    const valuesById = new Map<string, number[]>();
    for (const r of results) {
      if (r.Id === undefined) continue;
      const values = valuesById.get(r.Id);
      if (values) values.push(...(r.Values ?? []));
      else valuesById.set(r.Id, [...(r.Values ?? [])]);
    }
    batch.forEach((id, i) => {
      const use = reshapeMemoryUse(id, valuesById.get(`m${i}`) ?? []);
      if (use) out.push(use);
    });
  }
  return out;
}
