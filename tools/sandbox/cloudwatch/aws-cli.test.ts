/**
 * botocore against the sandbox's CloudWatch, in each of the three protocols the model offers. The AWS CLI
 * (botocore 1.43) takes the first protocol of its own priority list that CloudWatch offers, which is AWS
 * JSON 1.0 with the query-compatible headers (checked in its debug log); botocore's Smithy RPC v2 CBOR and
 * awsQuery serializers and parsers are reached through `testing/botocore-call.py`, which narrows that list.
 * Skipped, with the reason printed, only when no `aws` binary is on PATH.
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { awsCliEnv } from "@/tools/testing/cli-helpers";

const run = promisify(execFile);
const hasAws = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasAws) console.warn("cloudwatch/aws-cli.test.ts skipped: no `aws` binary on PATH.");

let sb: RunningSandbox;
beforeAll(async () => {
  if (hasAws) sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb?.close();
});

// Async on purpose: a synchronous child would block the event loop the in-process sandbox answers on.
async function aws(...args: string[]): Promise<{ out: unknown; debug: string }> {
  const { stdout, stderr } = await run(
    "aws",
    ["cloudwatch", ...args, "--endpoint-url", sb.url, "--region", "us-east-1", "--debug"],
    {
      env: awsCliEnv(),
    },
  );
  return { out: stdout.trim() ? JSON.parse(stdout) : undefined, debug: stderr };
}

async function awsError(...args: string[]): Promise<string> {
  try {
    await aws(...args);
  } catch (e) {
    return (
      String((e as { stderr?: string }).stderr)
        .split("\n")
        .find((l) => l.startsWith("An error occurred")) ?? ""
    );
  }
  throw new Error("expected the CLI to fail");
}

describe.skipIf(!hasAws)("aws cloudwatch (AWS JSON 1.0, query-compatible)", () => {
  it("put-metric-alarm, describe-alarms and delete-alarms round-trip", async () => {
    const put = await aws(
      "put-metric-alarm",
      "--alarm-name",
      "cli-memory",
      "--namespace",
      "AWS/ElastiCache",
      "--metric-name",
      "DatabaseMemoryUsageCountedForEvictPercentage",
      "--dimensions",
      "Name=ReplicationGroupId,Value=jobs-valkey8",
      "--statistic",
      "Maximum",
      "--period",
      "60",
      "--evaluation-periods",
      "5",
      "--datapoints-to-alarm",
      "5",
      "--threshold",
      "80",
      "--comparison-operator",
      "GreaterThanThreshold",
      "--alarm-actions",
      "arn:aws:sns:us-east-1:123456789012:ops",
      "--tags",
      "Key=team,Value=platform",
    );
    expect(put.debug).toContain("'X-Amz-Target': 'GraniteServiceVersion20100801.PutMetricAlarm'");
    expect(put.debug).toContain("'x-amzn-query-mode': 'true'");
    const described = (await aws("describe-alarms", "--alarm-names", "cli-memory")).out as {
      MetricAlarms: Array<Record<string, unknown>>;
    };
    expect(described.MetricAlarms).toHaveLength(1);
    expect(described.MetricAlarms[0]).toMatchObject({
      AlarmName: "cli-memory",
      AlarmArn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:cli-memory",
      Dimensions: [{ Name: "ReplicationGroupId", Value: "jobs-valkey8" }],
      Threshold: 80,
      DatapointsToAlarm: 5,
      StateValue: "INSUFFICIENT_DATA",
      AlarmActions: ["arn:aws:sns:us-east-1:123456789012:ops"],
    });
    const prefixed = (await aws("describe-alarms", "--alarm-name-prefix", "secure-")).out as {
      MetricAlarms: unknown[];
    };
    expect(prefixed.MetricAlarms).toHaveLength(1);
    await aws("delete-alarms", "--alarm-names", "cli-memory", "never-existed");
    const after = (await aws("describe-alarms", "--alarm-names", "cli-memory")).out as {
      MetricAlarms: unknown[];
    };
    expect(after.MetricAlarms).toEqual([]);
  });

  it("get-metric-data answers the seeded memory use", async () => {
    const end = Math.floor(Date.now() / 1000);
    const queries = JSON.stringify([
      {
        Id: "m",
        MetricStat: {
          Metric: {
            Namespace: "AWS/ElastiCache",
            MetricName: "DatabaseMemoryUsagePercentage",
            Dimensions: [{ Name: "CacheClusterId", Value: "secure-redis7-001" }],
          },
          Period: 60,
          Stat: "Maximum",
        },
      },
    ]);
    const { out } = await aws(
      "get-metric-data",
      "--start-time",
      String(end - 600),
      "--end-time",
      String(end),
      "--metric-data-queries",
      queries,
    );
    const result = (
      out as { MetricDataResults: Array<{ Id: string; Values: number[]; Timestamps: unknown[] }> }
    ).MetricDataResults[0]!;
    expect(result.Id).toBe("m");
    expect(result.Values.length).toBeGreaterThanOrEqual(9);
    expect(result.Values[0]).toBeCloseTo(86, 2);
    expect(result.Timestamps).toHaveLength(result.Values.length);
  });

  it("reports AWS's error codes through the query-compatible header", async () => {
    expect(await awsError("describe-alarms", "--next-token", "bogus")).toContain("(InvalidNextToken)");
    expect(
      await awsError(
        "put-metric-alarm",
        "--alarm-name",
        "x",
        "--namespace",
        "AWS/ElastiCache",
        "--metric-name",
        "Evictions",
        "--statistic",
        "Sum",
        "--period",
        "45",
        "--evaluation-periods",
        "1",
        "--threshold",
        "0",
        "--comparison-operator",
        "GreaterThanThreshold",
      ),
    ).toContain("(ValidationError)");
    expect(await awsError("describe-alarms", "--alarm-names", "a", "--alarm-name-prefix", "a")).toContain(
      "(InvalidParameterCombination)",
    );
  });
});

interface BotocoreAnswer {
  ok?: Record<string, unknown>;
  error?: string;
  status?: number;
  message?: string;
}

async function botocore(
  protocol: string,
  operation: string,
  params: Record<string, unknown>,
): Promise<BotocoreAnswer> {
  const script = new URL("../testing/botocore-call.py", import.meta.url).pathname;
  const { stdout } = await run("python3", [script, protocol, sb.url, operation, JSON.stringify(params)]);
  return JSON.parse(stdout) as BotocoreAnswer;
}

const hasBotocore =
  hasAws && spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

describe.skipIf(!hasBotocore).each(["smithy-rpc-v2-cbor", "query"])("botocore over %s", (protocol) => {
  it("puts, describes, pages and deletes alarms", async () => {
    const alarm = {
      AlarmName: `${protocol}-memory`,
      Namespace: "AWS/ElastiCache",
      MetricName: "DatabaseMemoryUsagePercentage",
      Dimensions: [{ Name: "CacheClusterId", Value: "standalone-redis" }],
      Statistic: "Maximum",
      Period: 60,
      EvaluationPeriods: 5,
      Threshold: 80.0,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      AlarmActions: ["arn:aws:sns:us-east-1:123456789012:ops"],
    };
    expect(await botocore(protocol, "put_metric_alarm", alarm)).toEqual({ ok: {} });
    const described = await botocore(protocol, "describe_alarms", { AlarmNames: [alarm.AlarmName] });
    const got = (described.ok?.MetricAlarms as Array<Record<string, unknown>>)[0];
    expect(got).toMatchObject({ ...alarm, StateValue: "INSUFFICIENT_DATA", OKActions: [] });
    expect(typeof got?.StateUpdatedTimestamp).toBe("string");
    const first = await botocore(protocol, "describe_alarms", { MaxRecords: 1 });
    expect((first.ok?.MetricAlarms as unknown[]).length).toBe(1);
    const second = await botocore(protocol, "describe_alarms", {
      MaxRecords: 1,
      NextToken: first.ok?.NextToken,
    });
    expect((second.ok?.MetricAlarms as Array<{ AlarmName: string }>)[0]?.AlarmName).not.toBe(
      (first.ok?.MetricAlarms as Array<{ AlarmName: string }>)[0]?.AlarmName,
    );
    expect(
      await botocore(protocol, "delete_alarms", { AlarmNames: [alarm.AlarmName, "never-existed"] }),
    ).toEqual({ ok: {} });
    expect(
      (await botocore(protocol, "describe_alarms", { AlarmNames: [alarm.AlarmName] })).ok?.MetricAlarms,
    ).toEqual([]);
  });

  it("reads the memory metrics and reports errors with AWS's codes and statuses", async () => {
    const end = Math.floor(Date.now() / 1000);
    const metrics = await botocore(protocol, "get_metric_data", {
      StartTime: end - 600,
      EndTime: end,
      MetricDataQueries: [
        {
          Id: "m",
          MetricStat: {
            Metric: {
              Namespace: "AWS/ElastiCache",
              MetricName: "DatabaseMemoryUsagePercentage",
              Dimensions: [{ Name: "ReplicationGroupId", Value: "secure-redis7" }],
            },
            Period: 60,
            Stat: "Maximum",
          },
        },
      ],
    });
    const values = (metrics.ok?.MetricDataResults as Array<{ Values: number[] }>)[0]!.Values;
    expect(values.length).toBeGreaterThanOrEqual(9);
    expect(values[0]).toBeCloseTo(86, 2);
    expect(await botocore(protocol, "describe_alarms", { NextToken: "bogus" })).toMatchObject({
      error: "InvalidNextToken",
      status: 400,
    });
    expect(
      await botocore(protocol, "describe_alarms", { AlarmNames: ["a"], AlarmNamePrefix: "a" }),
    ).toMatchObject({
      error: "InvalidParameterCombination",
      status: 400,
    });
  });
});
