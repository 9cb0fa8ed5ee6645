/**
 * The sandbox's MemoryDB through the real SDK client (@aws-sdk/client-memorydb): the seeded clusters and
 * groups, paging, AWS's error names, and a parameter change that settles on its own.
 */
import {
  CreateParameterGroupCommand,
  DeleteParameterGroupCommand,
  DescribeACLsCommand,
  DescribeClustersCommand,
  DescribeEventsCommand,
  DescribeParameterGroupsCommand,
  DescribeParametersCommand,
  DescribeSubnetGroupsCommand,
  ListTagsCommand,
  MemoryDBClient,
  UpdateClusterCommand,
  UpdateParameterGroupCommand,
} from "@aws-sdk/client-memorydb";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox/index";

let sb: RunningSandbox;
let client: MemoryDBClient;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, applyDelayMs: 150 });
  client = new MemoryDBClient({
    region: "us-east-1",
    endpoint: sb.url,
    credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client?.destroy();
  await sb?.close();
});
beforeEach(() => sb.control.reset("default"));

async function policyOf(group: string): Promise<string | undefined> {
  const out = await client.send(new DescribeParametersCommand({ ParameterGroupName: group }));
  return out.Parameters?.find((p) => p.Name === "maxmemory-policy")?.Value;
}

async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).name;
  }
  return "no error";
}

describe("MemoryDB in the sandbox (awsJson1_1)", () => {
  it("describes the seeded clusters with their shards, group, security groups and TLS", async () => {
    const out = await client.send(new DescribeClustersCommand({ ShowShardDetails: true }));
    expect(out.Clusters?.map((c) => [c.Name, c.Engine, c.EngineVersion, c.ParameterGroupName])).toEqual([
      ["prod-memdb-default", "redis", "7.1", "default.memorydb-redis7"],
      ["prod-memdb-lru", "redis", "7.1", "prod-memdb-lru"],
      ["prod-memdb-valkey", "valkey", "7.2", "default.memorydb-valkey7"],
    ]);
    const lru = out.Clusters![1]!;
    expect(lru).toMatchObject({
      Status: "available",
      ParameterGroupStatus: "in-sync",
      SecurityGroups: [{ SecurityGroupId: "sg-0cache00000000001", Status: "active" }],
      SubnetGroupName: "prod-memorydb-subnets",
      TLSEnabled: true,
      ACLName: "prod-app-acl",
      NumberOfShards: 2,
      ClusterEndpoint: {
        Address: "clustercfg.prod-memdb-lru.xyz789.memorydb.us-east-1.amazonaws.com",
        Port: 6379,
      },
      ARN: "arn:aws:memorydb:us-east-1:123456789012:cluster/prod-memdb-lru",
    });
    expect(lru.Shards?.map((s) => [s.Name, s.Slots, s.Nodes?.map((n) => n.Name)])).toEqual([
      ["0001", "0-8191", ["prod-memdb-lru-0001-001", "prod-memdb-lru-0001-002"]],
      ["0002", "8192-16383", ["prod-memdb-lru-0002-001", "prod-memdb-lru-0002-002"]],
    ]);
    const plain = await client.send(new DescribeClustersCommand({ ClusterName: "prod-memdb-lru" }));
    expect(plain.Clusters?.[0]?.Shards).toBeUndefined();
  });

  it("pages clusters with MaxResults and NextToken and refuses a forged token", async () => {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const out = await client.send(new DescribeClustersCommand({ MaxResults: 2, NextToken: token }));
      names.push(...(out.Clusters ?? []).map((c) => c.Name!));
      token = out.NextToken;
    } while (token);
    expect(names).toEqual(["prod-memdb-default", "prod-memdb-lru", "prod-memdb-valkey"]);
    expect(await errorName(client.send(new DescribeClustersCommand({ NextToken: "forged" })))).toBe(
      "InvalidParameterValueException",
    );
    expect(await errorName(client.send(new DescribeClustersCommand({ ClusterName: "nope" })))).toBe(
      "ClusterNotFoundFault",
    );
  });

  it("reads the effective eviction policy of default and custom groups", async () => {
    expect(await policyOf("default.memorydb-redis7")).toBe("noeviction");
    expect(await policyOf("prod-memdb-lru")).toBe("volatile-lru");
    const groups = await client.send(new DescribeParameterGroupsCommand({}));
    expect(groups.ParameterGroups?.map((g) => [g.Name, g.Family])).toEqual([
      ["default.memorydb-redis6", "memorydb_redis6"],
      ["default.memorydb-redis7", "memorydb_redis7"],
      ["default.memorydb-valkey7", "memorydb_valkey7"],
      ["prod-memdb-lru", "memorydb_redis7"],
    ]);
    const row = (
      await client.send(new DescribeParametersCommand({ ParameterGroupName: "prod-memdb-lru" }))
    ).Parameters!.find((p) => p.Name === "maxmemory-policy");
    expect(row).toMatchObject({ DataType: "string", MinimumEngineVersion: "6.2.4" });
    expect(row?.AllowedValues).toContain("noeviction");
    expect(
      await errorName(client.send(new DescribeParametersCommand({ ParameterGroupName: "missing" }))),
    ).toBe("ParameterGroupNotFoundFault");
  });

  it("describes subnet groups, ACLs, tags and events", async () => {
    const subnets = await client.send(new DescribeSubnetGroupsCommand({}));
    expect(subnets.SubnetGroups?.[0]).toMatchObject({
      Name: "prod-memorydb-subnets",
      VpcId: "vpc-0prod00000000001",
    });
    expect(subnets.SubnetGroups?.[0]?.Subnets?.map((s) => s.AvailabilityZone?.Name)).toEqual([
      "us-east-1a",
      "us-east-1b",
      "us-east-1c",
    ]);
    const acls = await client.send(new DescribeACLsCommand({}));
    expect(acls.ACLs?.map((a) => [a.Name, a.UserNames, a.Clusters])).toEqual([
      ["open-access", ["default"], ["prod-memdb-default", "prod-memdb-valkey"]],
      ["prod-app-acl", ["default", "bullmq"], ["prod-memdb-lru"]],
    ]);
    await client.send(
      new CreateParameterGroupCommand({
        ParameterGroupName: "tagged",
        Family: "memorydb_redis7",
        Tags: [{ Key: "queueready:managed", Value: "true" }],
      }),
    );
    const tags = await client.send(
      new ListTagsCommand({ ResourceArn: "arn:aws:memorydb:us-east-1:123456789012:parametergroup/tagged" }),
    );
    expect(tags.TagList).toEqual([{ Key: "queueready:managed", Value: "true" }]);
    expect(await errorName(client.send(new ListTagsCommand({ ResourceArn: "arn:aws:s3:::x" })))).toBe(
      "InvalidARNFault",
    );
    const events = await client.send(new DescribeEventsCommand({ SourceType: "parameter-group" }));
    expect(events.Events?.map((e) => [e.SourceName, e.Message])).toEqual([
      ["tagged", "Parameter group tagged created"],
    ]);
    expect(events.Events?.[0]?.Date).toBeInstanceOf(Date);
  });

  it("moves a cluster to a new noeviction group, which settles in-sync on its own", async () => {
    await client.send(
      new CreateParameterGroupCommand({ ParameterGroupName: "BullMQ-Redis7", Family: "memorydb_redis7" }),
    );
    await client.send(
      new UpdateParameterGroupCommand({
        ParameterGroupName: "bullmq-redis7",
        ParameterNameValues: [{ ParameterName: "maxmemory-policy", ParameterValue: "noeviction" }],
      }),
    );
    const updated = await client.send(
      new UpdateClusterCommand({
        ClusterName: "prod-memdb-lru",
        ParameterGroupName: "bullmq-redis7",
        SecurityGroupIds: ["sg-0cache00000000001", "sg-0cache00000000002"],
      }),
    );
    expect(updated.Cluster).toMatchObject({
      Status: "updating",
      ParameterGroupName: "bullmq-redis7",
      ParameterGroupStatus: "applying",
      SecurityGroups: [
        { SecurityGroupId: "sg-0cache00000000001", Status: "active" },
        { SecurityGroupId: "sg-0cache00000000002", Status: "adding" },
      ],
    });
    expect(
      await errorName(
        client.send(new UpdateClusterCommand({ ClusterName: "prod-memdb-lru", Description: "x" })),
      ),
    ).toBe("InvalidClusterStateFault");
    await new Promise((r) => setTimeout(r, 400));
    const after = (await client.send(new DescribeClustersCommand({ ClusterName: "prod-memdb-lru" })))
      .Clusters![0]!;
    expect([after.Status, after.ParameterGroupStatus, after.SecurityGroups?.map((s) => s.Status)]).toEqual([
      "available",
      "in-sync",
      ["active", "active"],
    ]);
    expect(
      await errorName(
        client.send(
          new UpdateClusterCommand({ ClusterName: "prod-memdb-lru", ParameterGroupName: "bullmq-redis7" }),
        ),
      ),
    ).toBe("NoOperationFault");
    expect(await policyOf("bullmq-redis7")).toBe("noeviction");
  });

  it("refuses what AWS refuses", async () => {
    const many = Array.from({ length: 21 }, () => ({ ParameterName: "timeout", ParameterValue: "0" }));
    await client.send(
      new CreateParameterGroupCommand({ ParameterGroupName: "g7", Family: "memorydb_redis7" }),
    );
    const cases: Array<[Promise<unknown>, string]> = [
      [
        client.send(new UpdateParameterGroupCommand({ ParameterGroupName: "g7", ParameterNameValues: many })),
        "InvalidParameterValueException",
      ],
      [
        client.send(
          new UpdateParameterGroupCommand({
            ParameterGroupName: "g7",
            ParameterNameValues: [{ ParameterName: "maxmemory-policy", ParameterValue: "sometimes" }],
          }),
        ),
        "InvalidParameterValueException",
      ],
      [
        client.send(
          new UpdateParameterGroupCommand({
            ParameterGroupName: "default.memorydb-redis7",
            ParameterNameValues: [{ ParameterName: "timeout", ParameterValue: "30" }],
          }),
        ),
        "InvalidParameterGroupStateFault",
      ],
      [
        client.send(new CreateParameterGroupCommand({ ParameterGroupName: "g7", Family: "memorydb_redis7" })),
        "ParameterGroupAlreadyExistsFault",
      ],
      [
        client.send(new CreateParameterGroupCommand({ ParameterGroupName: "g8", Family: "redis7" })),
        "InvalidParameterValueException",
      ],
      [
        client.send(new DeleteParameterGroupCommand({ ParameterGroupName: "prod-memdb-lru" })),
        "InvalidParameterGroupStateFault",
      ],
      [
        client.send(new UpdateClusterCommand({ ClusterName: "prod-memdb-valkey", ParameterGroupName: "g7" })),
        "InvalidParameterCombinationException",
      ],
      [
        client.send(
          new UpdateClusterCommand({
            ClusterName: "prod-memdb-lru",
            SecurityGroupIds: ["sg-0stagcache000001"],
          }),
        ),
        "InvalidVPCNetworkStateFault",
      ],
    ];
    for (const [p, name] of cases) expect(await errorName(p)).toBe(name);
    const deleted = await client.send(new DeleteParameterGroupCommand({ ParameterGroupName: "g7" }));
    expect(deleted.ParameterGroup?.Name).toBe("g7");
  });
});
