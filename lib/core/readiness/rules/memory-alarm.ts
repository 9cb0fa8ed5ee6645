/**
 * `memory-alarm`: under noeviction a full node refuses writes (`OOM command not allowed`) and BullMQ stops
 * taking jobs, so a target that runs (or is about to run) noeviction needs an alarm on its memory
 * (lib/core/model/memory-watch.ts says which alarms count). Also warns when a node is above 80 % now.
 * Serverless caches are judged by the serverless rule and are not looked into here.
 */
import { MEMORY_WARN_PERCENT, memoryWatchOf, type MemoryWatch } from "@/lib/core/model/memory-watch";
import { memoryAlarmSpec } from "@/lib/core/model/memory-alarm-spec";
import type { MetricAlarm } from "@/lib/core/model/alarms";
import type { Evidence, Finding } from "@/lib/core/readiness/types";
import type { TargetView } from "@/lib/core/readiness/target";
import { shq, sourceOf, wizardHref } from "@/lib/core/readiness/remediation";
import { isBullmqCandidate, type Rule } from "./rule";

export const memoryAlarmRule: Rule = {
  id: "memory-alarm",
  title: "A noeviction cluster has a CloudWatch alarm on its memory (≤ 90 %), and is not nearly full",
  check(t) {
    if (!isBullmqCandidate(t)) return [];
    // MemoryDB publishes its memory in the AWS/MemoryDB namespace, which QueueReady does not read yet: no
    // verdict is better than a warning about alarms that were never looked for.
    if (t.ref.kind === "memorydb-cluster") return [];
    const watch = memoryWatchOf(t);
    return [...alarmFindings(t, watch), ...memoryUseFindings(t, watch)];
  },
};

const describeAlarm = (a: MetricAlarm) =>
  `${a.name}: ${a.metricName} ${a.dimensions.map((d) => `${d.name}=${d.value}`).join(",")} ` +
  `${a.comparisonOperator ?? "?"} ${a.threshold ?? "?"} (${a.stateValue}, ${a.alarmActions.length ? `notifies ${a.alarmActions.join(", ")}` : "notifies nobody"})`;

/** The AWS CLI line that puts QueueReady's alarm (the topic is the person's to fill in). */
export function putAlarmCommand(t: TargetView): string {
  const s = memoryAlarmSpec(t.ref);
  return [
    `aws cloudwatch put-metric-alarm --region ${t.region} --alarm-name ${shq(s.alarmName)}`,
    `--namespace AWS/ElastiCache --metric-name ${s.metricName}`,
    `--dimensions Name=${s.dimension.name},Value=${shq(s.dimension.value)}`,
    `--statistic ${s.statistic} --period ${s.period} --evaluation-periods ${s.evaluationPeriods}`,
    `--datapoints-to-alarm ${s.datapointsToAlarm} --threshold ${s.threshold} --comparison-operator ${s.comparisonOperator}`,
    `--alarm-actions <sns-topic-arn>`,
  ].join(" ");
}

function alarmFindings(t: TargetView, watch: MemoryWatch): Finding[] {
  if (!watch.alarms) return [];
  const source = sourceOf("DescribeAlarms", undefined, t.region);
  if (!watch.alarms.ok)
    return [
      {
        ruleId: "memory-alarm",
        // A missing CloudWatch permission must not turn every Ready cluster Unknown: say it, do not block.
        severity: "info",
        title: "Memory alarm not checked: CloudWatch alarms could not be read",
        detail: watch.alarms.problem.message,
        evidence: [],
        problem: watch.alarms.problem,
      },
    ];
  const { watching, counting } = watch.alarms;
  // The planner puts the alarm for the clusters the wizard fixes (lib/core/plan/steps-alarm.ts).
  const plannable = t.ref.kind === "replication-group" || t.ref.kind === "cache-cluster";
  const alarmName = memoryAlarmSpec(t.ref).alarmName;
  const evidence: Evidence[] = watching.length
    ? watching.map((a) => ({ observed: describeAlarm(a), expected: "GreaterThan*, threshold ≤ 90", source }))
    : [
        {
          observed: `no alarm on ${t.ref.id}'s memory`,
          expected: "an alarm on its memory, threshold ≤ 90 %",
          source,
        },
      ];
  if (counting.length > 0)
    return [
      {
        ruleId: "memory-alarm",
        severity: "pass",
        title: `Memory alarm ${counting.map((a) => a.name).join(", ")} watches ${t.ref.id}`,
        detail: "An alarm fires before a full node starts refusing writes.",
        evidence,
      },
    ];
  return [
    {
      ruleId: "memory-alarm",
      severity: "warn",
      title: watching.length
        ? `The memory alarms on ${t.ref.id} fire too late`
        : `No memory alarm on ${t.ref.id}`,
      detail:
        "Under noeviction a full node refuses writes (OOM command not allowed) instead of evicting, and BullMQ stops taking jobs. " +
        "An alarm on DatabaseMemoryUsageCountedForEvictPercentage at 80 % gives time to scale or drain before that.",
      evidence,
      remediation: plannable
        ? {
            summary: `Apply the fix (the wizard, or npm run plan and apply): it puts ${alarmName} at 80 %, notifying your SNS topic. Or run the command (name your topic to be told).`,
            cli: [putAlarmCommand(t)],
            wizardHref: wizardHref(t.ref),
          }
        : {
            summary: `Put a memory alarm on ${t.ref.id}: the command puts ${alarmName} at 80 % (name your SNS topic to be told).`,
            cli: [putAlarmCommand(t)],
          },
    },
  ];
}

function memoryUseFindings(t: TargetView, watch: MemoryWatch): Finding[] {
  const use = watch.use;
  if (!use || use.percent <= MEMORY_WARN_PERCENT) return [];
  return [
    {
      ruleId: "memory-alarm",
      severity: "warn",
      title: `${use.cacheClusterId} is at ${use.percent.toFixed(1)} % of maxmemory`,
      detail:
        "Near maxmemory a noeviction node starts refusing writes: BullMQ jobs will soon fail to be added. Scale up, add shards, or remove finished jobs (removeOnComplete / removeOnFail).",
      evidence: [
        {
          observed: `${use.percent.toFixed(1)} % (maximum of the last 15 minutes)`,
          expected: `≤ ${MEMORY_WARN_PERCENT} %`,
          source: sourceOf(
            "GetMetricData DatabaseMemoryUsageCountedForEvictPercentage",
            use.cacheClusterId,
            t.region,
          ),
        },
      ],
    },
  ];
}
