/**
 * The sandbox's CloudWatch through the pinned SDK client (AWS JSON 1.0, query-compatible) and through raw
 * awsQuery calls: alarms per account and region, filters and pages, updates, deletes, errors as AWS words
 * them, and the seeded memory metrics.
 */
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  type PutMetricAlarmCommandInput,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { authorization, errorCode, text, texts } from "@/tools/sandbox/testing/wire-client";

let sb: RunningSandbox;
const clients = new Map<string, CloudWatchClient>();
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  for (const c of clients.values()) c.destroy();
  await sb?.close();
});
beforeEach(() => sb.control.reset());

function cw(region = "us-east-1"): CloudWatchClient {
  let c = clients.get(region);
  if (!c) {
    c = new CloudWatchClient({
      region,
      endpoint: sb.url,
      credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" },
      maxAttempts: 1,
    });
    clients.set(region, c);
  }
  return c;
}

const memoryAlarm = (
  name: string,
  extra: Partial<PutMetricAlarmCommandInput> = {},
): PutMetricAlarmCommandInput => ({
  AlarmName: name,
  Namespace: "AWS/ElastiCache",
  MetricName: "DatabaseMemoryUsageCountedForEvictPercentage",
  Dimensions: [{ Name: "ReplicationGroupId", Value: "jobs-valkey8" }],
  Statistic: "Maximum",
  Period: 60,
  EvaluationPeriods: 5,
  DatapointsToAlarm: 5,
  Threshold: 80,
  ComparisonOperator: "GreaterThanThreshold",
  TreatMissingData: "missing",
  AlarmActions: ["arn:aws:sns:us-east-1:123456789012:queueready-alerts"],
  Tags: [{ Key: "queueready:managed", Value: "true" }],
  ...extra,
});

async function rejection(p: Promise<unknown>): Promise<{ name: string; status?: number; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, status: err.$metadata?.httpStatusCode, message: err.message };
  }
  throw new Error("expected a rejection");
}

describe("CloudWatch over AWS JSON 1.0 (the SDK)", () => {
  it("lists the seeded hand-made alarms of the account-region, and only those", async () => {
    const us = await cw().send(new DescribeAlarmsCommand({}));
    expect(us.MetricAlarms?.map((a) => a.AlarmName)).toEqual([
      "orders-redis7-memory-late",
      "secure-redis7-memory",
    ]);
    expect(us.MetricAlarms?.[1]).toMatchObject({
      AlarmArn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:secure-redis7-memory",
      Namespace: "AWS/ElastiCache",
      MetricName: "DatabaseMemoryUsagePercentage",
      Dimensions: [{ Name: "ReplicationGroupId", Value: "secure-redis7" }],
      Threshold: 85,
      ComparisonOperator: "GreaterThanThreshold",
      StateValue: "OK",
      AlarmActions: ["arn:aws:sns:us-east-1:123456789012:ops-pager"],
    });
    expect(us.MetricAlarms?.[1]?.StateUpdatedTimestamp).toBeInstanceOf(Date);
    expect((await cw("eu-west-1").send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([]);
  });

  it("creates an alarm in INSUFFICIENT_DATA, updates it in place keeping its state and tags, and deletes it", async () => {
    await cw().send(new PutMetricAlarmCommand(memoryAlarm("jobs-valkey8-bullmq-memory")));
    const created = (
      await cw().send(new DescribeAlarmsCommand({ AlarmNames: ["jobs-valkey8-bullmq-memory"] }))
    ).MetricAlarms![0]!;
    expect(created).toMatchObject({
      StateValue: "INSUFFICIENT_DATA",
      Threshold: 80,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 5,
      TreatMissingData: "missing",
    });
    await cw().send(new PutMetricAlarmCommand(memoryAlarm("jobs-valkey8-bullmq-memory", { Threshold: 75 })));
    const all = (await cw().send(new DescribeAlarmsCommand({}))).MetricAlarms!;
    expect(all.filter((a) => a.AlarmName === "jobs-valkey8-bullmq-memory")).toHaveLength(1);
    expect(all.find((a) => a.AlarmName === "jobs-valkey8-bullmq-memory")?.Threshold).toBe(75);
    // Unknown names are ignored; the known one goes.
    await cw().send(new DeleteAlarmsCommand({ AlarmNames: ["jobs-valkey8-bullmq-memory", "no-such-alarm"] }));
    expect((await cw().send(new DescribeAlarmsCommand({ AlarmNamePrefix: "jobs-" }))).MetricAlarms).toEqual(
      [],
    );
  });

  it("filters by prefix and state and pages with MaxRecords/NextToken without repeats", async () => {
    for (const n of ["p-1", "p-2", "p-3", "p-4", "p-5"])
      await cw().send(new PutMetricAlarmCommand(memoryAlarm(n)));
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await cw().send(
        new DescribeAlarmsCommand({ AlarmNamePrefix: "p-", MaxRecords: 2, NextToken: token }),
      );
      names.push(...page.MetricAlarms!.map((a) => a.AlarmName!));
      token = page.NextToken;
      pages += 1;
    } while (token);
    expect(names).toEqual(["p-1", "p-2", "p-3", "p-4", "p-5"]);
    expect(pages).toBe(3);
    const ok = await cw().send(new DescribeAlarmsCommand({ StateValue: "OK" }));
    expect(ok.MetricAlarms!.map((a) => a.AlarmName)).toEqual([
      "orders-redis7-memory-late",
      "secure-redis7-memory",
    ]);
  });

  it("answers AWS's errors with the query error codes", async () => {
    expect(await rejection(cw().send(new DescribeAlarmsCommand({ NextToken: "not-a-token" })))).toMatchObject(
      {
        name: "InvalidNextToken",
        status: 400,
      },
    );
    expect(
      await rejection(cw().send(new DescribeAlarmsCommand({ AlarmNames: ["a"], AlarmNamePrefix: "a" }))),
    ).toMatchObject({
      name: "InvalidParameterCombinationException",
      status: 400,
    });
    expect(await rejection(cw().send(new DescribeAlarmsCommand({ MaxRecords: 101 })))).toMatchObject({
      name: "ValidationError",
      status: 400,
      message: expect.stringContaining("'maxRecords'"),
    });
    expect(
      await rejection(cw().send(new PutMetricAlarmCommand(memoryAlarm("bad", { Period: 45 })))),
    ).toMatchObject({
      name: "ValidationError",
      message: "Period must be 10, 20, 30 or a multiple of 60.",
    });
    expect(
      await rejection(cw().send(new PutMetricAlarmCommand(memoryAlarm("bad", { DatapointsToAlarm: 6 })))),
    ).toMatchObject({ name: "ValidationError" });
    expect(
      await rejection(cw().send(new PutMetricAlarmCommand(memoryAlarm("bad", { ExtendedStatistic: "p99" })))),
    ).toMatchObject({ name: "InvalidParameterCombinationException" });
    expect(
      await rejection(cw().send(new PutMetricAlarmCommand(memoryAlarm("bad", { AlarmActions: ["topic"] })))),
    ).toMatchObject({
      name: "ValidationError",
      message: "Invalid arn syntax: topic",
    });
    expect((await cw().send(new DescribeAlarmsCommand({ AlarmNames: ["bad"] }))).MetricAlarms).toEqual([]);
  });

  it("serves the memory metrics: seeded percentages, the fullest member for a group, bytes, and empty series for the unknown", async () => {
    const end = new Date();
    const start = new Date(end.getTime() - 15 * 60_000);
    const query = (Id: string, MetricName: string, Name: string, Value: string) => ({
      Id,
      MetricStat: {
        Metric: { Namespace: "AWS/ElastiCache", MetricName, Dimensions: [{ Name, Value }] },
        Period: 60,
        Stat: "Maximum",
      },
    });
    const out = await cw().send(
      new GetMetricDataCommand({
        StartTime: start,
        EndTime: end,
        MetricDataQueries: [
          query("secure", "DatabaseMemoryUsagePercentage", "ReplicationGroupId", "secure-redis7"),
          query("jobs", "DatabaseMemoryUsageCountedForEvictPercentage", "CacheClusterId", "jobs-valkey8-001"),
          query("bytes", "BytesUsedForCache", "CacheClusterId", "jobs-valkey8-001"),
          query("none", "DatabaseMemoryUsagePercentage", "CacheClusterId", "no-such-cluster"),
        ],
      }),
    );
    const [secure, jobs, bytes, none] = out.MetricDataResults!;
    expect(secure!.Values!.length).toBeGreaterThanOrEqual(14);
    expect(secure!.Values!.every((v) => Math.abs(v - 86) < 0.01)).toBe(true);
    expect(secure!.Timestamps![0]!.getTime()).toBeGreaterThan(secure!.Timestamps![1]!.getTime());
    expect(jobs!.Values![0]).toBeCloseTo(42 * 0.96, 1);
    expect(bytes!.Values![0]).toBe(Math.round(3_317_862_236 * 0.42));
    expect(none).toMatchObject({ Id: "none", Values: [], Timestamps: [], StatusCode: "Complete" });
    expect(
      await rejection(
        cw().send(
          new GetMetricDataCommand({
            StartTime: end,
            EndTime: start,
            MetricDataQueries: [query("a", "Evictions", "CacheClusterId", "x")],
          }),
        ),
      ),
    ).toMatchObject({
      name: "ValidationError",
      message: "The parameter StartTime must be less than the parameter EndTime.",
    });
    expect(
      await rejection(
        cw().send(
          new GetMetricDataCommand({
            StartTime: start,
            EndTime: end,
            MetricDataQueries: [query("Bad", "Evictions", "CacheClusterId", "x")],
          }),
        ),
      ),
    ).toMatchObject({ name: "ValidationError" });
  });
});

async function queryCall(action: string, params: Record<string, string>) {
  const body = new URLSearchParams({ Action: action, Version: "2010-08-01", ...params });
  const res = await fetch(sb.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      authorization: authorization("us-east-1", "monitoring"),
    },
    body: body.toString(),
  });
  return { status: res.status, xml: await res.text() };
}

describe("CloudWatch over awsQuery", () => {
  it("puts, describes (member lists, Result wrapper) and deletes alarms", async () => {
    const put = await queryCall("PutMetricAlarm", {
      AlarmName: "q-alarm",
      Namespace: "AWS/ElastiCache",
      MetricName: "DatabaseMemoryUsagePercentage",
      "Dimensions.member.1.Name": "CacheClusterId",
      "Dimensions.member.1.Value": "standalone-redis",
      Statistic: "Maximum",
      Period: "60",
      EvaluationPeriods: "5",
      Threshold: "80.0",
      ComparisonOperator: "GreaterThanThreshold",
      "AlarmActions.member.1": "arn:aws:sns:us-east-1:123456789012:ops",
    });
    expect(put.status).toBe(200);
    expect(put.xml).toContain(
      '<PutMetricAlarmResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">',
    );
    const described = await queryCall("DescribeAlarms", { "AlarmNames.member.1": "q-alarm" });
    expect(described.xml).toContain(
      "<DescribeAlarmsResult><MetricAlarms><member><AlarmName>q-alarm</AlarmName>",
    );
    expect(described.xml).toContain(
      "<AlarmActions><member>arn:aws:sns:us-east-1:123456789012:ops</member></AlarmActions>",
    );
    expect(described.xml).toContain(
      "<Dimensions><member><Name>CacheClusterId</Name><Value>standalone-redis</Value></member></Dimensions>",
    );
    expect(text(described.xml, "Threshold")).toBe("80.0");
    expect(texts(described.xml, "StateValue")).toEqual(["INSUFFICIENT_DATA"]);
    expect((await queryCall("DeleteAlarms", { "AlarmNames.member.1": "q-alarm" })).status).toBe(200);
    expect((await queryCall("DescribeAlarms", { "AlarmNames.member.1": "q-alarm" })).xml).toContain(
      "<MetricAlarms></MetricAlarms>",
    );
  });

  it("answers errors as ErrorResponse with the code and a 4xx", async () => {
    const bad = await queryCall("DescribeAlarms", { StateValue: "BROKEN" });
    expect(bad.status).toBe(400);
    expect(errorCode(bad.xml)).toBe("ValidationError");
    const unknown = await queryCall("PutMetricData", {});
    expect(unknown.status).toBe(400);
    expect(errorCode(unknown.xml)).toBe("InvalidAction");
  });
});
