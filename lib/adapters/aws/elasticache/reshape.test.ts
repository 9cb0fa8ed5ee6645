import { describe, expect, it } from "vitest";
import * as r from "./reshape";

describe("reshapeReplicationGroup", () => {
  it("keeps the join keys, endpoints with their real port, and flattens pending changes", () => {
    const group = r.reshapeReplicationGroup(
      {
        ReplicationGroupId: "legacy-redis5",
        ARN: "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:legacy-redis5",
        Description: "legacy",
        Status: "modifying",
        Engine: "redis",
        ClusterEnabled: false,
        MemberClusters: ["legacy-redis5-001", "legacy-redis5-002"],
        NodeGroups: [
          {
            NodeGroupId: "0001",
            Status: "available",
            PrimaryEndpoint: { Address: "legacy-redis5.abc123.ng.0001.use1.cache.amazonaws.com", Port: 6380 },
            ReaderEndpoint: { Address: "reader", Port: undefined },
            NodeGroupMembers: [
              {
                CacheClusterId: "legacy-redis5-001",
                CacheNodeId: "0001",
                CurrentRole: "primary",
                ReadEndpoint: { Address: "n1", Port: 6380 },
              },
            ],
          },
        ],
        TransitEncryptionEnabled: true,
        GlobalReplicationGroupInfo: {
          GlobalReplicationGroupId: "ldgnf-global",
          GlobalReplicationGroupMemberRole: "PRIMARY",
        },
        PendingModifiedValues: {
          AutomaticFailoverStatus: "enabled",
          UserGroups: { UserGroupIdsToAdd: ["ug-1", "ug-2"], UserGroupIdsToRemove: [] },
        },
      },
      "us-east-1",
    );
    expect(group).toEqual({
      id: "legacy-redis5",
      arn: "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:legacy-redis5",
      region: "us-east-1",
      description: "legacy",
      status: "modifying",
      engine: "redis",
      clusterEnabled: false,
      cacheNodeType: undefined,
      memberClusterIds: ["legacy-redis5-001", "legacy-redis5-002"],
      nodeGroups: [
        {
          id: "0001",
          status: "available",
          primaryEndpoint: { address: "legacy-redis5.abc123.ng.0001.use1.cache.amazonaws.com", port: 6380 },
          readerEndpoint: undefined,
          members: [
            {
              cacheClusterId: "legacy-redis5-001",
              cacheNodeId: "0001",
              role: "primary",
              readEndpoint: { address: "n1", port: 6380 },
            },
          ],
        },
      ],
      configurationEndpoint: undefined,
      transitEncryptionEnabled: true,
      atRestEncryptionEnabled: false,
      authTokenEnabled: false,
      userGroupIds: [],
      globalReplicationGroup: { id: "ldgnf-global", role: "PRIMARY" },
      pendingChanges: [
        { field: "AutomaticFailoverStatus", value: "enabled" },
        { field: "UserGroups.UserGroupIdsToAdd", value: "ug-1,ug-2" },
      ],
    });
  });

  it("reads cluster mode from ClusterMode when ClusterEnabled is absent, and defaults lists", () => {
    const group = r.reshapeReplicationGroup(
      { ReplicationGroupId: "x", ClusterMode: "enabled", Engine: "Valkey" },
      "eu-west-1",
    );
    expect([
      group.clusterEnabled,
      group.engine,
      group.memberClusterIds,
      group.nodeGroups,
      group.pendingChanges,
    ]).toEqual([true, "valkey", [], [], []]);
  });
});

describe("reshapeCacheCluster", () => {
  it("carries the parameter group apply status, security groups and node endpoints", () => {
    const cluster = r.reshapeCacheCluster(
      {
        CacheClusterId: "orders-redis7-001",
        CacheClusterStatus: "available",
        Engine: "redis",
        EngineVersion: "7.1.0",
        ReplicationGroupId: "orders-redis7",
        NumCacheNodes: 1,
        CacheSubnetGroupName: "prod-cache-subnets",
        CacheParameterGroup: {
          CacheParameterGroupName: "default.redis7",
          ParameterApplyStatus: "pending-reboot",
          CacheNodeIdsToReboot: ["0001"],
        },
        SecurityGroups: [{ SecurityGroupId: "sg-0cache00000000001", Status: "active" }],
        CacheNodes: [
          {
            CacheNodeId: "0001",
            CacheNodeStatus: "available",
            Endpoint: { Address: "orders-redis7-001.abc123.0001.use1.cache.amazonaws.com", Port: 6379 },
            CustomerAvailabilityZone: "us-east-1a",
          },
        ],
        PendingModifiedValues: { EngineVersion: "7.1", CacheNodeIdsToRemove: [] },
      },
      "us-east-1",
    );
    expect(cluster).toMatchObject({
      id: "orders-redis7-001",
      region: "us-east-1",
      status: "available",
      engine: "redis",
      engineVersion: "7.1.0",
      replicationGroupId: "orders-redis7",
      numCacheNodes: 1,
      cacheSubnetGroupName: "prod-cache-subnets",
      parameterGroup: { name: "default.redis7", applyStatus: "pending-reboot", nodeIdsToReboot: ["0001"] },
      securityGroups: [{ id: "sg-0cache00000000001", status: "active" }],
      nodes: [
        {
          id: "0001",
          status: "available",
          endpoint: { address: "orders-redis7-001.abc123.0001.use1.cache.amazonaws.com", port: 6379 },
          availabilityZone: "us-east-1a",
        },
      ],
      pendingChanges: [{ field: "EngineVersion", value: "7.1" }],
      transitEncryptionEnabled: false,
    });
  });

  it("leaves the parameter group absent when AWS sends none", () => {
    const cluster = r.reshapeCacheCluster(
      { CacheClusterId: "m", Engine: "memcached", CacheNodes: [{}, {}] },
      "us-east-1",
    );
    expect([cluster.parameterGroup, cluster.engine, cluster.numCacheNodes, cluster.securityGroups]).toEqual([
      undefined,
      "memcached",
      2,
      [],
    ]);
  });
});

describe("the smaller shapes", () => {
  it("serverless cache, parameter group, parameter, engine version, subnet group, event, tag", () => {
    expect(
      r.reshapeServerlessCache(
        {
          ServerlessCacheName: "serverless-queue",
          Engine: "valkey",
          MajorEngineVersion: "8",
          Status: "available",
          Endpoint: { Address: "s.serverless.use1.cache.amazonaws.com", Port: 6379 },
          SecurityGroupIds: ["sg-1"],
        },
        "us-east-1",
      ),
    ).toEqual({
      name: "serverless-queue",
      arn: "",
      region: "us-east-1",
      status: "available",
      engine: "valkey",
      majorEngineVersion: "8",
      fullEngineVersion: undefined,
      endpoint: { address: "s.serverless.use1.cache.amazonaws.com", port: 6379 },
      securityGroupIds: ["sg-1"],
      subnetIds: [],
      userGroupId: undefined,
    });
    expect(
      r.reshapeCacheParameterGroup({
        CacheParameterGroupName: "bullmq-valkey8",
        CacheParameterGroupFamily: "valkey8",
        Description: "d",
        ARN: "a",
      }),
    ).toEqual({ name: "bullmq-valkey8", family: "valkey8", description: "d", arn: "a", isGlobal: false });
    expect(
      r.reshapeCacheParameter({
        ParameterName: "maxmemory-policy",
        ParameterValue: "noeviction",
        Source: "user",
        AllowedValues: "volatile-lru,noeviction",
        DataType: "string",
        ChangeType: "immediate",
        IsModifiable: true,
      }),
    ).toEqual({
      name: "maxmemory-policy",
      value: "noeviction",
      source: "user",
      allowedValues: "volatile-lru,noeviction",
      dataType: "string",
      changeType: "immediate",
      isModifiable: true,
    });
    expect(
      r.reshapeCacheEngineVersion({
        Engine: "redis",
        EngineVersion: "6.2.6",
        CacheParameterGroupFamily: "redis6.x",
      }),
    ).toEqual({ engine: "redis", engineVersion: "6.2.6", family: "redis6.x" });
    expect(r.reshapeCacheEngineVersion({ Engine: "mysql", EngineVersion: "8" })).toBeUndefined();
    expect(
      r.reshapeCacheSubnetGroup({
        CacheSubnetGroupName: "prod-cache-subnets",
        VpcId: "vpc-0prod00000000001",
        Subnets: [{ SubnetIdentifier: "subnet-a" }, {}, { SubnetIdentifier: "subnet-b" }],
      }),
    ).toEqual({
      name: "prod-cache-subnets",
      vpcId: "vpc-0prod00000000001",
      subnetIds: ["subnet-a", "subnet-b"],
      description: "",
    });
    expect(
      r.reshapeEvent({
        SourceIdentifier: "orders-redis7",
        SourceType: "replication-group",
        Message: "Modified",
        Date: new Date("2026-01-02T03:04:05Z"),
      }),
    ).toEqual({
      sourceId: "orders-redis7",
      sourceType: "replication-group",
      message: "Modified",
      date: "2026-01-02T03:04:05.000Z",
    });
    expect(r.reshapeTag({ Key: "team", Value: "queues" })).toEqual({ key: "team", value: "queues" });
  });

  it("drops an endpoint without a port instead of assuming 6379", () => {
    expect(r.reshapeEndpoint({ Address: "h" })).toBeUndefined();
    expect(r.reshapeEndpoint({ Address: "h", Port: 0 })).toEqual({ address: "h", port: 0 });
  });
});
