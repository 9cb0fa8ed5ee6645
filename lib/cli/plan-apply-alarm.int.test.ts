/**
 * The memory alarm through the CLI, as a person runs it: `npm run plan` + `npm run apply` of a cluster that
 * needs changes puts `<target>-bullmq-memory`, which the AWS CLI (botocore) then sees with
 * `aws cloudwatch describe-alarms`; a ready cluster without an alarm gets a plan of that one step; undo
 * removes the alarm QueueReady put and never one a person put. The AWS CLI part is skipped, with the reason
 * printed, only when no `aws` binary is on PATH.
 */
import { execFile, spawnSync } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { findMetricAlarm } from "@/lib/adapters/aws/cloudwatch/reads";
import { putMetricAlarm } from "@/lib/adapters/aws/cloudwatch/writes";
import { listApplyRuns } from "@/lib/adapters/db/lookups";
import { undoCandidates, undoResource } from "@/lib/services/apply/undo";
import { previewRevert } from "@/lib/services/apply/revert";
import { startApply } from "@/lib/services/apply/start-apply";
import { awsCliEnv, readPlanFile } from "@/tools/testing/cli-helpers";

const run = promisify(execFile);
const hasAws = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasAws) console.warn("plan-apply-alarm.int.test.ts: the AWS CLI part is skipped, no `aws` on PATH.");
import { planApplyHarness } from "@/tools/testing/plan-apply-harness";

const cli = planApplyHarness({ tmpPrefix: "qr-cli-alarm-" });
const { h, plan, apply } = cli;
const TOPIC = "arn:aws:sns:us-east-1:123456789012:ops-pager";
const operator = { name: "operator", role: "operator" } as const;

/** `aws cloudwatch describe-alarms` against the sandbox, as an operator would check. */
async function describeAlarms(prefix: string): Promise<Record<string, unknown>[]> {
  const { stdout } = await run(
    "aws",
    [
      "cloudwatch",
      "describe-alarms",
      "--alarm-name-prefix",
      prefix,
      "--endpoint-url",
      h.sandbox.url,
      "--region",
      "us-east-1",
    ],
    {
      env: awsCliEnv(),
    },
  );
  return (JSON.parse(stdout) as { MetricAlarms: Record<string, unknown>[] }).MetricAlarms;
}

describe("npm run plan + apply put the memory alarm", () => {
  it.skipIf(!hasAws)(
    "a cluster that needs changes gets <target>-bullmq-memory, seen by the AWS CLI; undo removes it",
    { timeout: 120_000 },
    async () => {
      const file = path.join(cli.dir, "orders.plan.json");
      const planned = await plan(["--cluster", "orders-redis7", "--alarm-topic", TOPIC, "--out", file]);
      expect(planned.code, planned.stderr).toBe(1);
      const [target] = (await readPlanFile(file)).targets;
      const step = target!.plan.steps.find((s) => s.kind === "put-metric-alarm");
      expect(step?.title).toBe(
        `Put memory alarm orders-redis7-bullmq-memory (DatabaseMemoryUsageCountedForEvictPercentage > 80 % for 5 minutes), notifying ${TOPIC}`,
      );

      const applied = await apply([file, "--yes", "--override-owner", "sandbox drill for the alarm"]);
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
      const [alarm, ...others] = await describeAlarms("orders-redis7-bullmq");
      expect(others).toEqual([]);
      expect(alarm).toMatchObject({
        AlarmName: "orders-redis7-bullmq-memory",
        Namespace: "AWS/ElastiCache",
        MetricName: "DatabaseMemoryUsageCountedForEvictPercentage",
        Dimensions: [{ Name: "ReplicationGroupId", Value: "orders-redis7" }],
        Statistic: "Maximum",
        Period: 60,
        EvaluationPeriods: 5,
        DatapointsToAlarm: 5,
        Threshold: 80,
        ComparisonOperator: "GreaterThanThreshold",
        AlarmActions: [TOPIC],
      });
      // The audit after apply counts it: planning again changes nothing.
      const again = await plan(["--cluster", "orders-redis7", "--json"]);
      expect(again.code, again.stderr).toBe(0);

      const opts = { settings: h.settings, db: cli.db };
      const [run] = await listApplyRuns(opts);
      expect(run!.target.id).toBe("orders-redis7");
      expect(run!.created.filter((c) => c.type === "metric-alarm").map((c) => c.name)).toEqual([
        "orders-redis7-bullmq-memory",
      ]);
      // While orders-redis7 runs the fix the alarm is needed; once the run is reverted, undo offers it.
      expect((await undoCandidates(opts)).filter((c) => c.type === "metric-alarm")).toEqual([]);
      const applyOpts = { ...opts, pollInitialMs: 50, pollMaxMs: 200, timeLimitMs: 15_000 };
      const preview = await previewRevert({ ...applyOpts, runId: run!.id, user: operator });
      if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
      const started = await startApply({
        ...applyOpts,
        user: operator,
        previewId: preview.previewId,
        ownerGuard: { overrideReason: "sandbox drill for the alarm" },
      });
      expect((await started.finished).status).toBe("succeeded");
      const candidate = (await undoCandidates(opts)).find((c) => c.type === "metric-alarm");
      expect(candidate).toMatchObject({ name: "orders-redis7-bullmq-memory", region: "us-east-1" });
      expect(await undoResource({ ...opts, user: operator, candidate: candidate! })).toBe(
        "Deleted memory alarm orders-redis7-bullmq-memory.",
      );
      expect(await describeAlarms("orders-redis7-bullmq")).toEqual([]);
    },
  );

  it("a ready cluster with no alarm gets a plan of that one step; --no-alarm leaves it out", async () => {
    const planned = await plan(["--cluster", "jobs-valkey8", "--json"]);
    expect(planned.code, planned.stderr).toBe(1);
    const [target] = JSON.parse(planned.stdout).targets as {
      plan: { steps: { kind: string; action: string }[]; warnings: string[] };
    }[];
    expect(target!.plan.steps.filter((s) => s.action !== "no-op").map((s) => s.kind)).toEqual([
      "put-metric-alarm",
    ]);
    // No topic anywhere: the plan says nobody will be notified.
    expect(target!.plan.warnings.join(" ")).toMatch(/nobody will be notified/);
    expect(target!.plan.warnings.join(" ")).not.toMatch(/nothing needs to change/);
    expect(planned.stderr + planned.stdout).not.toMatch(/AKIDSANDBOX|sandbox-secret/);

    const left = await plan(["--cluster", "jobs-valkey8", "--no-alarm", "--json"]);
    expect(left.code, left.stderr).toBe(0);

    const wrong = await plan(["--cluster", "jobs-valkey8", "--alarm-threshold", "99"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--alarm-threshold: must be at most 95/);
    const elsewhere = await plan([
      "--cluster",
      "jobs-valkey8",
      "--alarm-topic",
      "arn:aws:sns:eu-west-1:123456789012:ops",
    ]);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stdout + elsewhere.stderr).toMatch(
      /in eu-west-1: an alarm in us-east-1 can only notify a topic of its own region/,
    );
  });

  it(
    "an alarm a person put under that name is replaced as planned, but never offered for undo",
    { timeout: 60_000 },
    async () => {
      const { ctx } = h.context();
      await putMetricAlarm(ctx, {
        alarmName: "jobs-valkey8-bullmq-memory",
        description: "ops team's own",
        namespace: "AWS/ElastiCache",
        metricName: "DatabaseMemoryUsageCountedForEvictPercentage",
        dimensions: [{ name: "ReplicationGroupId", value: "jobs-valkey8" }],
        statistic: "Maximum",
        period: 60,
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
        threshold: 97,
        comparisonOperator: "GreaterThanThreshold",
        treatMissingData: "missing",
        alarmActions: [],
      });
      const file = path.join(cli.dir, "jobs.plan.json");
      const planned = await plan(["--cluster", "jobs-valkey8", "--alarm-threshold", "75", "--out", file]);
      expect(planned.code, planned.stderr).toBe(1);
      const step = (await readPlanFile(file)).targets[0]!.plan.steps.find(
        (s) => s.kind === "put-metric-alarm",
      );
      expect(step?.action).toBe("change");
      const applied = await apply([file, "--yes"]);
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
      expect((await findMetricAlarm(ctx, "jobs-valkey8-bullmq-memory"))?.threshold).toBe(75);
      const opts = { settings: h.settings, db: cli.db };
      expect((await listApplyRuns(opts))[0]!.created).toEqual([]);
      expect((await undoCandidates(opts)).filter((c) => c.type === "metric-alarm")).toEqual([]);
    },
  );
});
