/**
 * The AWS CLI (botocore's own serializers and parsers) against the sandbox. Skipped, with the reason
 * printed, only when no `aws` binary is on PATH.
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./index";
import { awsCliEnv } from "@/tools/testing/cli-helpers";

const run = promisify(execFile);
const hasAws = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasAws)
  console.warn(
    "aws-cli.test.ts skipped: no `aws` binary on PATH (install awscli to run the CLI wire checks).",
  );

let sb: RunningSandbox;
beforeAll(async () => {
  if (hasAws) sb = await startSandbox({ port: 0, applyDelayMs: 100 });
});
afterAll(async () => {
  await sb?.close();
});

// Must stay async: a synchronous child would block the event loop the in-process sandbox answers on.
async function aws(...args: string[]): Promise<unknown> {
  return awsAs({}, ...args);
}

async function awsAs(keys: Record<string, string>, ...args: string[]): Promise<unknown> {
  const env = awsCliEnv(keys);
  const { stdout } = await run(
    "aws",
    ["--endpoint-url", sb.url, "--region", "us-east-1", "--output", "json", ...args],
    { env },
  );
  return stdout.trim() ? JSON.parse(stdout) : undefined;
}

describe.skipIf(!hasAws)("AWS CLI against the sandbox", () => {
  it("lists the seeded replication groups, paging transparently", async () => {
    const out = (await aws("elasticache", "describe-replication-groups", "--page-size", "20")) as {
      ReplicationGroups: Array<{ ReplicationGroupId: string; MemberClusters: string[] }>;
    };
    expect(out.ReplicationGroups.map((g) => g.ReplicationGroupId)).toEqual([
      "orders-redis7",
      "events-cluster",
      "jobs-valkey8",
      "sessions-redis62",
      "cache-redis62",
      "legacy-redis5",
      "ancient-redis4",
      "secure-redis7",
      "busy-redis7",
    ]);
    expect(out.ReplicationGroups[0]!.MemberClusters).toEqual(["orders-redis7-001", "orders-redis7-002"]);
  });

  it("creates and modifies a parameter group, then reads the user value back", async () => {
    await aws(
      "elasticache",
      "create-cache-parameter-group",
      "--cache-parameter-group-name",
      "CLI-Group",
      "--cache-parameter-group-family",
      "redis7",
      "--description",
      "from the cli",
    );
    const modified = await aws(
      "elasticache",
      "modify-cache-parameter-group",
      "--cache-parameter-group-name",
      "cli-group",
      "--parameter-name-values",
      "ParameterName=maxmemory-policy,ParameterValue=noeviction",
    );
    expect(modified).toEqual({ CacheParameterGroupName: "cli-group" });
    const params = (await aws(
      "elasticache",
      "describe-cache-parameters",
      "--cache-parameter-group-name",
      "cli-group",
      "--source",
      "user",
    )) as {
      Parameters: Array<{ ParameterName: string; ParameterValue: string; ChangeType: string }>;
    };
    expect(params.Parameters.map((p) => [p.ParameterName, p.ParameterValue, p.ChangeType])).toEqual([
      ["maxmemory-policy", "noeviction", "immediate"],
    ]);
  });

  it("records a modification as AWS does and answers describe-events in its window", async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    await aws(
      "elasticache",
      "modify-replication-group",
      "--replication-group-id",
      "legacy-redis5",
      "--replication-group-description",
      "touched by the cli",
      "--apply-immediately",
    );
    const out = (await aws(
      "elasticache",
      "describe-events",
      "--source-type",
      "replication-group",
      "--source-identifier",
      "legacy-redis5",
      "--start-time",
      before,
    )) as { Events: Array<{ SourceIdentifier: string; SourceType: string; Message: string; Date: string }> };
    expect(out.Events.map((e) => [e.SourceIdentifier, e.SourceType, e.Message])).toEqual([
      ["legacy-redis5", "replication-group", "Modified replication group"],
    ]);
    expect(Date.parse(out.Events[0]!.Date)).toBeGreaterThanOrEqual(Date.parse(before));
    const earlier = (await aws(
      "elasticache",
      "describe-events",
      "--source-identifier",
      "legacy-redis5",
      "--start-time",
      "2020-01-01T00:00:00Z",
      "--end-time",
      before,
    )) as { Events: unknown[] };
    expect(earlier.Events).toEqual([]);
  });

  it("surfaces AWS error codes to the CLI", async () => {
    await expect(
      aws(
        "elasticache",
        "modify-cache-parameter-group",
        "--cache-parameter-group-name",
        "default.redis7",
        "--parameter-name-values",
        "ParameterName=maxmemory-policy,ParameterValue=noeviction",
      ),
    ).rejects.toThrow(/InvalidCacheParameterGroupState/);
  });

  it("reads and writes security groups through the EC2 query protocol", async () => {
    const sgs = (await aws("ec2", "describe-security-groups", "--group-ids", "sg-0cache00000000001")) as {
      SecurityGroups: Array<{
        GroupName: string;
        IpPermissions: Array<{ FromPort: number; UserIdGroupPairs: Array<{ GroupId: string }> }>;
      }>;
    };
    expect(sgs.SecurityGroups[0]!.GroupName).toBe("cache-prod");
    expect(sgs.SecurityGroups[0]!.IpPermissions[0]!.UserIdGroupPairs.map((p) => p.GroupId)).toEqual([
      "sg-0app000000000001",
    ]);
    const added = (await aws(
      "ec2",
      "authorize-security-group-ingress",
      "--group-id",
      "sg-0cache00000000003",
      "--ip-permissions",
      "IpProtocol=tcp,FromPort=6379,ToPort=6379,IpRanges=[{CidrIp=10.0.9.9/16,Description=vpc}]",
    )) as {
      Return: boolean;
      SecurityGroupRules: Array<{ CidrIpv4: string; FromPort: number }>;
    };
    expect(added.Return).toBe(true);
    expect(added.SecurityGroupRules.map((r) => [r.CidrIpv4, r.FromPort])).toEqual([["10.0.0.0/16", 6379]]);
  });

  it("answers sts get-caller-identity with the seeded account", async () => {
    expect(await aws("sts", "get-caller-identity")).toEqual({
      UserId: "AIDASANDBOXUSER000001",
      Account: "123456789012",
      Arn: "arn:aws:iam::123456789012:user/sandbox",
    });
  });

  it("assumes a member role and lists that account's clusters with the returned keys", async () => {
    const assumed = (await aws(
      "sts",
      "assume-role",
      "--role-arn",
      "arn:aws:iam::345678901234:role/OrganizationAccountAccessRole",
      "--role-session-name",
      "qr",
      "--external-id",
      "queueready-sandbox",
    )) as {
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string };
    };
    const keys = {
      AWS_ACCESS_KEY_ID: assumed.Credentials.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: assumed.Credentials.SecretAccessKey,
      AWS_SESSION_TOKEN: assumed.Credentials.SessionToken,
    };
    const who = (await awsAs(keys, "sts", "get-caller-identity")) as { Account: string; Arn: string };
    expect(who).toMatchObject({
      Account: "345678901234",
      Arn: "arn:aws:sts::345678901234:assumed-role/OrganizationAccountAccessRole/qr",
    });
    const rgs = (await awsAs(keys, "elasticache", "describe-replication-groups")) as {
      ReplicationGroups: Array<{ ReplicationGroupId: string; ClusterEnabled: boolean }>;
    };
    expect(rgs.ReplicationGroups.map((g) => [g.ReplicationGroupId, g.ClusterEnabled])).toEqual([
      ["pay-ledger-redis62", false],
      ["pay-queue-cluster", true],
    ]);
    await expect(
      aws(
        "sts",
        "assume-role",
        "--role-arn",
        "arn:aws:iam::456789012345:role/OrganizationAccountAccessRole",
        "--role-session-name",
        "qr",
      ),
    ).rejects.toThrow(/AccessDenied/);
  });

  it("lists the organization's accounts through the JSON protocol, paging transparently", async () => {
    const out = (await aws("organizations", "list-accounts", "--page-size", "2")) as {
      Accounts: Array<{ Id: string; Name: string; Status: string }>;
    };
    expect(out.Accounts.map((a) => [a.Id, a.Name, a.Status])).toEqual([
      ["123456789012", "management", "ACTIVE"],
      ["210987654321", "staging", "ACTIVE"],
      ["345678901234", "payments", "ACTIVE"],
      ["456789012345", "research", "ACTIVE"],
      ["567890123456", "retired", "SUSPENDED"],
    ]);
  });
  it("lists, describes and looks up CloudFormation stacks with botocore's parsers", async () => {
    const stacks = (await aws(
      "cloudformation",
      "list-stacks",
      "--stack-status-filter",
      "CREATE_COMPLETE",
      "DELETE_COMPLETE",
    )) as { StackSummaries: Array<{ StackName: string; StackStatus: string; CreationTime: string }> };
    expect(stacks.StackSummaries.map((s) => [s.StackName, s.StackStatus])).toEqual([
      ["orders-cache", "CREATE_COMPLETE"],
      ["secure-cache", "CREATE_COMPLETE"],
      ["sessions-cache", "DELETE_COMPLETE"],
    ]);
    expect(stacks.StackSummaries[0]!.CreationTime).toMatch(/^2025-01-15T09:30:00(\.000)?(Z|\+00:00)$/);
    const described = (await aws("cloudformation", "describe-stacks", "--stack-name", "orders-cache")) as {
      Stacks: Array<{ StackName: string; StackId: string; DriftInformation: { StackDriftStatus: string } }>;
    };
    expect(described.Stacks[0]).toMatchObject({
      StackName: "orders-cache",
      DriftInformation: { StackDriftStatus: "NOT_CHECKED" },
    });
    const resources = (await aws(
      "cloudformation",
      "describe-stack-resources",
      "--physical-resource-id",
      "orders-redis7",
    )) as { StackResources: Array<{ StackName: string; LogicalResourceId: string; ResourceType: string }> };
    expect(resources.StackResources.map((r) => [r.StackName, r.LogicalResourceId, r.ResourceType])).toEqual([
      ["orders-cache", "OrdersReplicationGroup", "AWS::ElastiCache::ReplicationGroup"],
      ["orders-cache", "CacheSubnetGroup", "AWS::ElastiCache::SubnetGroup"],
      ["orders-cache", "CacheSecurityGroup", "AWS::EC2::SecurityGroup"],
    ]);
    const listed = (await aws("cloudformation", "list-stack-resources", "--stack-name", "secure-cache")) as {
      StackResourceSummaries: Array<{ PhysicalResourceId: string }>;
    };
    expect(listed.StackResourceSummaries.map((r) => r.PhysicalResourceId)).toEqual([
      "secure-redis7",
      "secure-noeviction",
    ]);
    await expect(aws("cloudformation", "describe-stacks", "--stack-name", "nope")).rejects.toThrow(
      /ValidationError.*Stack with id nope does not exist/,
    );
  });
});
