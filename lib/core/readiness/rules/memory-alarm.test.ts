import { describe, expect, it } from "vitest";
import type { MemoryUse, MetricAlarm } from "@/lib/core/model/alarms";
import type { CloudWatchSnapshot } from "@/lib/core/model/snapshot";
import { auditTarget } from "@/lib/core/readiness/audit";
import { accessDenied, memoryAlarm } from "@/tools/testing/fixtures";
import { findings, healthyAccount, READY } from "@/tools/testing/readiness-helpers";

const alarm = memoryAlarm;

function judge(cloudwatch: CloudWatchSnapshot | undefined, id = "a") {
  const b = healthyAccount()
    .replicationGroup({ id: "a", ...READY })
    .replicationGroup({ id: "b", ...READY })
    .standalone({ id: "solo", ...READY });
  const snapshot = { ...b.build(), cloudwatch };
  const kind = id === "solo" ? "cache-cluster" : "replication-group";
  const a = auditTarget(snapshot, { accountId: b.accountId, region: b.region, kind, id })!;
  return { audit: a, found: findings(a, "memory-alarm").map((f) => [f.severity, f.title]) };
}

const read = (alarms: MetricAlarm[], memory: MemoryUse[] = []): CloudWatchSnapshot => ({
  alarms: { ok: true, value: alarms },
  memory: { ok: true, value: memory },
});

describe("memory-alarm", () => {
  it("says nothing when CloudWatch was not read (a hand-built snapshot)", () => {
    expect(judge(undefined).found).toEqual([]);
  });

  it("warns a ready cluster without a memory alarm, with the put-metric-alarm remediation, and stays Ready", () => {
    const { audit, found } = judge(
      read([alarm({ dimensions: [{ name: "ReplicationGroupId", value: "b" }] })]),
    );
    expect(found).toEqual([["warn", "No memory alarm on a"]]);
    expect(audit.verdict).toBe("ready");
    const f = findings(audit, "memory-alarm")[0]!;
    expect(f.evidence).toEqual([
      {
        observed: "no alarm on a's memory",
        expected: "an alarm on its memory, threshold ≤ 90 %",
        source: "DescribeAlarms (us-east-1)",
      },
    ]);
    expect(f.remediation?.cli[0]).toBe(
      "aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name a-bullmq-memory --namespace AWS/ElastiCache " +
        "--metric-name DatabaseMemoryUsageCountedForEvictPercentage --dimensions Name=ReplicationGroupId,Value=a " +
        "--statistic Maximum --period 60 --evaluation-periods 5 --datapoints-to-alarm 5 --threshold 80 " +
        "--comparison-operator GreaterThanThreshold --alarm-actions <sns-topic-arn>",
    );
  });

  it.each([
    { case: "a hand-made alarm on the group", a: alarm() },
    {
      case: "an alarm on a member node, either metric, >= 90",
      a: alarm({
        metricName: "DatabaseMemoryUsageCountedForEvictPercentage",
        dimensions: [{ name: "CacheClusterId", value: "a-002" }],
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        threshold: 90,
      }),
    },
  ])("counts $case", ({ a }) => {
    expect(judge(read([a])).found).toEqual([["pass", "Memory alarm hand-made watches a"]]);
  });

  it.each([
    {
      case: "threshold above 90 %",
      a: alarm({ threshold: 95 }),
      title: "The memory alarms on a fire too late",
    },
    {
      case: "a less-than alarm",
      a: alarm({ comparisonOperator: "LessThanThreshold" }),
      title: "The memory alarms on a fire too late",
    },
    { case: "another metric", a: alarm({ metricName: "CPUUtilization" }), title: "No memory alarm on a" },
    { case: "another namespace", a: alarm({ namespace: "Custom/Redis" }), title: "No memory alarm on a" },
  ])("does not count $case", ({ a, title }) => {
    expect(judge(read([a])).found).toEqual([["warn", title]]);
  });

  it("judges a standalone cluster by its CacheClusterId", () => {
    const onSolo = alarm({ dimensions: [{ name: "CacheClusterId", value: "solo" }] });
    expect(judge(read([onSolo]), "solo").found).toEqual([["pass", "Memory alarm hand-made watches solo"]]);
    expect(judge(read([]), "solo").found).toEqual([["warn", "No memory alarm on solo"]]);
  });

  it("a failed DescribeAlarms is said (with the permission to grant) without making the cluster Unknown", () => {
    const problem = accessDenied("DescribeAlarms", "cloudwatch");
    const { audit, found } = judge({ alarms: { ok: false, problem }, memory: { ok: true, value: [] } });
    expect(found).toEqual([["info", "Memory alarm not checked: CloudWatch alarms could not be read"]]);
    expect(findings(audit, "memory-alarm")[0]!.problem).toEqual(problem);
    expect(audit.verdict).toBe("ready");
  });

  it("warns above 80 % of maxmemory on the fullest node, and not at or below", () => {
    const memory = [
      { cacheClusterId: "a-001", percent: 61 },
      { cacheClusterId: "a-002", percent: 84.26 },
      { cacheClusterId: "b-001", percent: 99 },
    ];
    const { audit, found } = judge(read([alarm()], memory));
    expect(found).toEqual([
      ["warn", "a-002 is at 84.3 % of maxmemory"],
      ["pass", "Memory alarm hand-made watches a"],
    ]);
    expect(audit.memoryUse).toEqual({ cacheClusterId: "a-002", percent: 84.26 });
    expect(judge(read([alarm()], [{ cacheClusterId: "a-001", percent: 80 }])).found).toEqual([
      ["pass", "Memory alarm hand-made watches a"],
    ]);
  });
});
