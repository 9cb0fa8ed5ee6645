import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox/index";
import { blocks, call, errorCode, text, texts } from "@/tools/sandbox/testing/wire-client";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});
const ec = (action: string, params: Record<string, string | number | boolean> = {}, region?: string) =>
  call(sb.url, "elasticache", action, params, region);

describe("ElastiCache reads of the seeded account", () => {
  it("lists the nine us-east-1 replication groups with model member names", async () => {
    const { status, xml } = await ec("DescribeReplicationGroups");
    expect(status).toBe(200);
    expect(texts(xml, "ReplicationGroupId")).toEqual([
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
    expect(xml).toContain(
      "<MemberClusters><ClusterId>orders-redis7-001</ClusterId><ClusterId>orders-redis7-002</ClusterId></MemberClusters>",
    );
    expect(xml).toContain("<NodeGroups><NodeGroup><NodeGroupId>0001</NodeGroupId>");
    expect(xml).toContain("<NodeGroupMembers><NodeGroupMember><CacheClusterId>");
  });

  it("describes a cluster-mode group with its configuration endpoint and four members", async () => {
    const { xml } = await ec("DescribeReplicationGroups", { ReplicationGroupId: "events-cluster" });
    expect(text(xml, "ClusterEnabled")).toBe("true");
    expect(xml).toContain(
      "<ConfigurationEndpoint><Address>clustercfg.events-cluster.abc123.use1.cache.amazonaws.com</Address><Port>6379</Port></ConfigurationEndpoint>",
    );
    expect(texts(xml, "ClusterId")).toEqual([
      "events-cluster-0001-001",
      "events-cluster-0001-002",
      "events-cluster-0002-001",
      "events-cluster-0002-002",
    ]);
    expect(texts(xml, "Slots")).toEqual(["0-8191", "8192-16383"]);
  });

  it("shows member clusters with parameter group, `member` security groups and node endpoints", async () => {
    const { xml } = await ec("DescribeCacheClusters", {
      CacheClusterId: "legacy-redis5-001",
      ShowCacheNodeInfo: true,
    });
    expect(text(xml, "EngineVersion")).toBe("5.0.6");
    expect(xml).toContain(
      "<CacheParameterGroup><CacheParameterGroupName>default.redis5.0</CacheParameterGroupName><ParameterApplyStatus>in-sync</ParameterApplyStatus><CacheNodeIdsToReboot></CacheNodeIdsToReboot></CacheParameterGroup>",
    );
    expect(xml).toContain(
      "<SecurityGroups><member><SecurityGroupId>sg-0cache00000000001</SecurityGroupId><Status>active</Status></member></SecurityGroups>",
    );
    expect(xml).toContain("<CacheNodes><CacheNode><CacheNodeId>0001</CacheNodeId>");
    expect(xml).toContain(
      "<Endpoint><Address>legacy-redis5-001.abc123.0001.use1.cache.amazonaws.com</Address><Port>6380</Port></Endpoint>",
    );
  });

  it("answers CacheClusterNotFound (404) for a replication group id", async () => {
    const { status, xml } = await ec("DescribeCacheClusters", { CacheClusterId: "orders-redis7" });
    expect(status).toBe(404);
    expect(errorCode(xml)).toBe("CacheClusterNotFound");
  });

  it("lists serverless caches as `member` entries", async () => {
    const { xml } = await ec("DescribeServerlessCaches");
    expect(xml).toContain(
      "<ServerlessCaches><member><ServerlessCacheName>serverless-queue</ServerlessCacheName>",
    );
    expect(xml).toContain(
      "<SecurityGroupIds><SecurityGroupId>sg-0cache00000000001</SecurityGroupId></SecurityGroupIds>",
    );
    const eu = await ec("DescribeServerlessCaches", {}, "eu-west-1");
    expect(texts(eu.xml, "ServerlessCacheName")).toEqual(["eu-serverless"]);
  });

  it("pages DescribeCacheParameters 20 at a time over 100+ parameters", async () => {
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const { status, xml } = await ec("DescribeCacheParameters", {
        CacheParameterGroupName: "default.redis7",
        MaxRecords: 20,
        ...(marker ? { Marker: marker } : {}),
      });
      expect(status).toBe(200);
      const page = texts(xml, "ParameterName");
      expect(page.length).toBeLessThanOrEqual(20);
      names.push(...page);
      marker = text(xml, "Marker");
      pages++;
    } while (marker);
    expect(names.length).toBeGreaterThan(100);
    expect(pages).toBe(Math.ceil(names.length / 20));
    expect(new Set(names).size).toBe(names.length);
    const policy = blocks(
      (await ec("DescribeCacheParameters", { CacheParameterGroupName: "default.redis7" })).xml,
      "Parameter",
    ).find((p) => p.includes("<ParameterName>maxmemory-policy<"))!;
    expect(text(policy, "ParameterValue")).toBe("volatile-lru");
    expect(text(policy, "AllowedValues")).toBe(
      "volatile-lru,allkeys-lru,volatile-lfu,allkeys-lfu,volatile-random,allkeys-random,volatile-ttl,noeviction",
    );
    expect(text(policy, "ChangeType")).toBe("immediate");
  });

  it("rejects MaxRecords outside 20..100 and a forged marker", async () => {
    const small = await ec("DescribeCacheParameters", {
      CacheParameterGroupName: "default.redis7",
      MaxRecords: 10,
    });
    expect([small.status, errorCode(small.xml)]).toEqual([400, "InvalidParameterValue"]);
    const forged = await ec("DescribeReplicationGroups", { Marker: "not-a-marker" });
    expect([forged.status, errorCode(forged.xml)]).toEqual([400, "InvalidParameterValue"]);
  });

  it("filters DescribeCacheParameters by Source user", async () => {
    const { xml } = await ec("DescribeCacheParameters", {
      CacheParameterGroupName: "shared-lru-redis6",
      Source: "user",
    });
    expect(texts(xml, "ParameterName")).toEqual(["maxmemory-policy"]);
    expect(texts(xml, "ParameterValue")).toEqual(["allkeys-lru"]);
    const none = await ec("DescribeCacheParameters", {
      CacheParameterGroupName: "default.redis7",
      Source: "user",
    });
    expect(texts(none.xml, "ParameterName")).toEqual([]);
  });

  it("maps engine versions to families and honours DefaultOnly", async () => {
    const { xml } = await ec("DescribeCacheEngineVersions", { Engine: "valkey" });
    expect(texts(xml, "EngineVersion")).toEqual(["7.2.6", "8.0.1", "8.1.0"]);
    expect(texts(xml, "CacheParameterGroupFamily")).toEqual(["valkey7", "valkey8", "valkey8"]);
    const def = await ec("DescribeCacheEngineVersions", { Engine: "redis", DefaultOnly: true });
    expect(texts(def.xml, "EngineVersion")).toEqual(["7.1.0"]);
  });

  it("gives subnet groups their VPC and subnets", async () => {
    const { xml } = await ec("DescribeCacheSubnetGroups", { CacheSubnetGroupName: "prod-cache-subnets" });
    expect(text(xml, "VpcId")).toBe("vpc-0prod00000000001");
    expect(blocks(xml, "Subnet")).toHaveLength(3);
    expect(xml).toContain("<SubnetAvailabilityZone><Name>us-east-1a</Name></SubnetAvailabilityZone>");
  });
});
