/**
 * CloudFormation on the wire and through the real SDK client: the seeded stacks (SEED.md, "CloudFormation"),
 * paging, the deleted stack, lookups by physical id, and AWS's ValidationErrors.
 */
import {
  CloudFormationClient,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  ListStacksCommand,
  paginateListStacks,
} from "@aws-sdk/client-cloudformation";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox/index";
import { call, errorCode, text, texts } from "@/tools/sandbox/testing/wire-client";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.control.clearFaults();
});

const keys = { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" };
const cfn = (region = "us-east-1", credentials: typeof keys & { sessionToken?: string } = keys) =>
  new CloudFormationClient({ endpoint: sb.url, region, credentials, maxAttempts: 1 });

const body = (xml: string) => xml.replace(/<RequestId>[^<]+<\/RequestId>/, "<RequestId>R</RequestId>");

describe("CloudFormation on the wire", () => {
  it("wraps ListStacks in its Result, `member` list items and ISO timestamps, in CloudFormation's namespace", async () => {
    const { status, xml } = await call(sb.url, "cloudformation", "ListStacks");
    expect(status).toBe(200);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ListStacksResponse xmlns="http:\/\/cloudformation.amazonaws.com\/doc\/2010-05-15\/"><ListStacksResult><StackSummaries><member><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack\/orders-cache\/[0-9a-f-]{36}<\/StackId><StackName>orders-cache<\/StackName>/,
    );
    expect(xml).toContain("<CreationTime>2025-01-15T09:30:00.000Z</CreationTime>");
    expect(xml).toContain(
      "<DriftInformation><StackDriftStatus>NOT_CHECKED</StackDriftStatus></DriftInformation>",
    );
    expect(texts(xml, "StackName")).toEqual(["orders-cache", "secure-cache", "sessions-cache"]);
    expect(texts(xml, "StackStatus")).toEqual(["CREATE_COMPLETE", "CREATE_COMPLETE", "DELETE_COMPLETE"]);
    expect(xml).toMatch(
      /<\/ListStacksResult><ResponseMetadata><RequestId>[^<]+<\/RequestId><\/ResponseMetadata><\/ListStacksResponse>$/,
    );
  });

  it("answers a stack that does not exist with ValidationError in the awsQuery error envelope", async () => {
    const answer = await call(sb.url, "cloudformation", "DescribeStacks", { StackName: "nope" });
    expect(answer.status).toBe(400);
    expect(body(answer.xml)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type>' +
        "<Code>ValidationError</Code><Message>Stack with id nope does not exist</Message></Error>" +
        "<RequestId>R</RequestId></ErrorResponse>",
    );
  });

  it("lists a stack's resources with their physical ids and types", async () => {
    const { xml } = await call(sb.url, "cloudformation", "ListStackResources", { StackName: "orders-cache" });
    expect(texts(xml, "LogicalResourceId")).toEqual([
      "OrdersReplicationGroup",
      "CacheSubnetGroup",
      "CacheSecurityGroup",
    ]);
    expect(texts(xml, "PhysicalResourceId")).toEqual([
      "orders-redis7",
      "prod-cache-subnets",
      "sg-0cache00000000001",
    ]);
    expect(text(xml, "ResourceType")).toBe("AWS::ElastiCache::ReplicationGroup");
    expect(xml).toContain("<StackResourceSummaries><member><LogicalResourceId>");
  });

  it("refuses a filter value outside StackStatus, a forged NextToken, and an unknown action", async () => {
    const bad = await call(sb.url, "cloudformation", "ListStacks", { "StackStatusFilter.member.1": "DONE" });
    expect(bad.status).toBe(400);
    expect(errorCode(bad.xml)).toBe("ValidationError");
    const forged = await call(sb.url, "cloudformation", "ListStacks", { NextToken: "bm9wZQ" });
    expect(errorCode(forged.xml)).toBe("ValidationError");
    const unknown = await call(sb.url, "cloudformation", "CreateStack", { StackName: "x" });
    expect(errorCode(unknown.xml)).toBe("InvalidAction");
  });

  it("answers an injected denial as AccessDenied naming the cloudformation action", async () => {
    sb.control.addFault({ operation: "ListStacks", kind: "access-denied" });
    const denied = await call(sb.url, "cloudformation", "ListStacks");
    expect(denied.status).toBe(403);
    expect(errorCode(denied.xml)).toBe("AccessDenied");
    expect(denied.xml).toContain("cloudformation:ListStacks");
  });
});

describe("CloudFormation through @aws-sdk/client-cloudformation", () => {
  it("parses ListStacks with a status filter, skipping the deleted stack", async () => {
    const out = await cfn().send(
      new ListStacksCommand({ StackStatusFilter: ["CREATE_COMPLETE", "UPDATE_COMPLETE"] }),
    );
    expect(out.StackSummaries?.map((s) => s.StackName)).toEqual(["orders-cache", "secure-cache"]);
    const first = out.StackSummaries![0]!;
    expect(first.CreationTime).toEqual(new Date(Date.UTC(2025, 0, 15, 9, 30, 0)));
    expect(first.TemplateDescription).toMatch(/Orders queue/);
    expect(first.DriftInformation).toEqual({ StackDriftStatus: "NOT_CHECKED" });
    expect(out.NextToken).toBeUndefined();
  });

  it("describes a live stack by name and a deleted one only by its id", async () => {
    const live = await cfn().send(new DescribeStacksCommand({ StackName: "secure-cache" }));
    expect(live.Stacks?.[0]).toMatchObject({
      StackName: "secure-cache",
      StackStatus: "CREATE_COMPLETE",
      Tags: [],
      Parameters: [],
      DisableRollback: false,
      EnableTerminationProtection: false,
    });
    const all = await cfn().send(new DescribeStacksCommand({}));
    expect(all.Stacks?.map((s) => s.StackName)).toEqual(["orders-cache", "secure-cache"]);
    await expect(
      cfn().send(new DescribeStacksCommand({ StackName: "sessions-cache" })),
    ).rejects.toMatchObject({
      name: "ValidationError",
      message: "Stack with id sessions-cache does not exist",
      $metadata: { httpStatusCode: 400 },
    });
    const listed = await cfn().send(new ListStacksCommand({ StackStatusFilter: ["DELETE_COMPLETE"] }));
    const deletedId = listed.StackSummaries![0]!.StackId!;
    const deleted = await cfn().send(new DescribeStacksCommand({ StackName: deletedId }));
    expect(deleted.Stacks?.[0]).toMatchObject({ StackStatus: "DELETE_COMPLETE" });
    expect(deleted.Stacks?.[0]?.DeletionTime).toBeInstanceOf(Date);
    const resources = await cfn().send(new ListStackResourcesCommand({ StackName: deletedId }));
    expect(resources.StackResourceSummaries?.map((r) => r.ResourceStatus)).toEqual(["DELETE_COMPLETE"]);
  });

  it("finds the stack of a physical resource id (DescribeStackResources), and filters by logical id", async () => {
    const out = await cfn().send(
      new DescribeStackResourcesCommand({ PhysicalResourceId: "secure-noeviction" }),
    );
    expect(out.StackResources?.map((r) => [r.StackName, r.LogicalResourceId, r.PhysicalResourceId])).toEqual([
      ["secure-cache", "SecureReplicationGroup", "secure-redis7"],
      ["secure-cache", "SecureParameterGroup", "secure-noeviction"],
    ]);
    expect(out.StackResources?.[0]?.Timestamp).toBeInstanceOf(Date);
    const one = await cfn().send(
      new DescribeStackResourcesCommand({
        StackName: "orders-cache",
        LogicalResourceId: "CacheSecurityGroup",
      }),
    );
    expect(one.StackResources).toEqual([
      expect.objectContaining({
        StackName: "orders-cache",
        PhysicalResourceId: "sg-0cache00000000001",
        ResourceType: "AWS::EC2::SecurityGroup",
        ResourceStatus: "CREATE_COMPLETE",
        DriftInformation: { StackResourceDriftStatus: "NOT_CHECKED" },
      }),
    ]);
    await expect(
      cfn().send(new DescribeStackResourcesCommand({ PhysicalResourceId: "jobs-valkey8" })),
    ).rejects.toMatchObject({ name: "ValidationError", message: "Stack for jobs-valkey8 does not exist" });
    await expect(
      cfn().send(new DescribeStackResourcesCommand({ StackName: "orders-cache", PhysicalResourceId: "x" })),
    ).rejects.toMatchObject({ name: "ValidationError" });
    await expect(cfn().send(new DescribeStackResourcesCommand({}))).rejects.toMatchObject({
      name: "ValidationError",
    });
  });

  it("has no stacks in eu-west-1, and a member account's own stack through an assumed role", async () => {
    const eu = await cfn("eu-west-1").send(new ListStacksCommand({}));
    expect(eu.StackSummaries).toEqual([]);
    const sts = new STSClient({ endpoint: sb.url, region: "us-east-1", credentials: keys });
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: "arn:aws:iam::210987654321:role/QueueReadyAudit",
        RoleSessionName: "cfn-test",
        ExternalId: "queueready-sandbox",
      }),
    );
    const member = cfn("us-east-1", {
      accessKeyId: c!.AccessKeyId!,
      secretAccessKey: c!.SecretAccessKey!,
      sessionToken: c!.SessionToken!,
    });
    const stacks = await member.send(new ListStacksCommand({}));
    expect(stacks.StackSummaries?.map((s) => [s.StackName, s.StackId?.split(":")[4]])).toEqual([
      ["stg-jobs", "210987654321"],
    ]);
    const res = await member.send(new ListStackResourcesCommand({ StackName: "stg-jobs" }));
    expect(res.StackResourceSummaries?.map((r) => r.PhysicalResourceId)).toEqual([
      "stg-jobs-valkey8",
      "stg-bullmq",
    ]);
  });

  it("pages ListStacks and ListStackResources of a generated fleet with NextToken", async () => {
    // About a quarter of 5,000 clusters, ten per stack: a little over 100 stacks, so two pages.
    sb.control.reset({ clusters: 5000, regions: ["us-east-1"], seed: 3 });
    try {
      const names: string[] = [];
      let pages = 0;
      for await (const page of paginateListStacks({ client: cfn() }, {})) {
        pages++;
        names.push(...(page.StackSummaries ?? []).map((s) => s.StackName!));
      }
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
      const resources = await cfn().send(new ListStackResourcesCommand({ StackName: names[0]! }));
      expect(resources.StackResourceSummaries?.length).toBe(10);
      expect(names.length).toBeGreaterThan(100);
      expect(pages).toBe(Math.ceil(names.length / 100));
    } finally {
      sb.control.reset();
    }
  });
});
