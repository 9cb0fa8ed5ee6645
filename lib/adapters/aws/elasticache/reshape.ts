/**
 * ElastiCache SDK shapes -> the app's types (one function per shape). Lists default to `[]`, booleans
 * to `false`; an endpoint needs both address and port, because the port is never assumed.
 */

import type * as Sdk from "@aws-sdk/client-elasticache";
import type {
  CacheCluster,
  CacheEngineVersion,
  CacheEvent,
  CacheNode,
  CacheParameter,
  CacheParameterGroup,
  CacheSubnetGroup,
  Endpoint,
  Engine,
  NodeGroup,
  ReplicationGroup,
  ServerlessCache,
  Tag,
} from "@/lib/core/model/resources";
import { flattenPendingChanges } from "./pending-changes";

export function reshapeEndpoint(raw: Sdk.Endpoint | undefined): Endpoint | undefined {
  if (!raw?.Address || raw.Port === undefined) return undefined;
  return { address: raw.Address, port: raw.Port };
}

/** `Redis`, `redis`, `valkey`... -> Engine; undefined for anything else (or nothing). */
export function reshapeEngine(raw: string | undefined): Engine | undefined {
  const engine = raw?.toLowerCase();
  return engine === "redis" || engine === "valkey" || engine === "memcached" ? engine : undefined;
}

export function reshapeNodeGroup(raw: Sdk.NodeGroup): NodeGroup {
  return {
    id: raw.NodeGroupId ?? "",
    status: raw.Status ?? "",
    primaryEndpoint: reshapeEndpoint(raw.PrimaryEndpoint),
    readerEndpoint: reshapeEndpoint(raw.ReaderEndpoint),
    members: (raw.NodeGroupMembers ?? []).map((m) => ({
      cacheClusterId: m.CacheClusterId ?? "",
      cacheNodeId: m.CacheNodeId ?? "",
      role: m.CurrentRole,
      readEndpoint: reshapeEndpoint(m.ReadEndpoint),
    })),
  };
}

export function reshapeReplicationGroup(raw: Sdk.ReplicationGroup, region: string): ReplicationGroup {
  const global = raw.GlobalReplicationGroupInfo;
  return {
    id: raw.ReplicationGroupId ?? "",
    arn: raw.ARN ?? "",
    region,
    description: raw.Description ?? "",
    status: raw.Status ?? "",
    engine: reshapeEngine(raw.Engine),
    // Older answers carry only ClusterMode (or neither): cluster mode is off unless AWS says so.
    clusterEnabled: raw.ClusterEnabled ?? raw.ClusterMode === "enabled",
    cacheNodeType: raw.CacheNodeType,
    memberClusterIds: raw.MemberClusters ?? [],
    nodeGroups: (raw.NodeGroups ?? []).map(reshapeNodeGroup),
    configurationEndpoint: reshapeEndpoint(raw.ConfigurationEndpoint),
    transitEncryptionEnabled: raw.TransitEncryptionEnabled ?? false,
    atRestEncryptionEnabled: raw.AtRestEncryptionEnabled ?? false,
    authTokenEnabled: raw.AuthTokenEnabled ?? false,
    userGroupIds: raw.UserGroupIds ?? [],
    globalReplicationGroup: global?.GlobalReplicationGroupId
      ? { id: global.GlobalReplicationGroupId, role: global.GlobalReplicationGroupMemberRole ?? "" }
      : undefined,
    pendingChanges: flattenPendingChanges(raw.PendingModifiedValues),
  };
}

export function reshapeCacheNode(raw: Sdk.CacheNode): CacheNode {
  return {
    id: raw.CacheNodeId ?? "",
    status: raw.CacheNodeStatus ?? "",
    endpoint: reshapeEndpoint(raw.Endpoint),
    availabilityZone: raw.CustomerAvailabilityZone,
  };
}

export function reshapeCacheCluster(raw: Sdk.CacheCluster, region: string): CacheCluster {
  const group = raw.CacheParameterGroup;
  return {
    id: raw.CacheClusterId ?? "",
    arn: raw.ARN ?? "",
    region,
    status: raw.CacheClusterStatus ?? "",
    // AWS always sends Engine on a cache cluster; Redis OSS is what a cluster without one would be.
    engine: reshapeEngine(raw.Engine) ?? "redis",
    engineVersion: raw.EngineVersion ?? "",
    replicationGroupId: raw.ReplicationGroupId,
    cacheNodeType: raw.CacheNodeType,
    numCacheNodes: raw.NumCacheNodes ?? raw.CacheNodes?.length ?? 0,
    parameterGroup: group?.CacheParameterGroupName
      ? {
          name: group.CacheParameterGroupName,
          applyStatus: group.ParameterApplyStatus ?? "",
          nodeIdsToReboot: group.CacheNodeIdsToReboot ?? [],
        }
      : undefined,
    securityGroups: (raw.SecurityGroups ?? []).map((g) => ({
      id: g.SecurityGroupId ?? "",
      status: g.Status ?? "",
    })),
    cacheSubnetGroupName: raw.CacheSubnetGroupName,
    configurationEndpoint: reshapeEndpoint(raw.ConfigurationEndpoint),
    nodes: (raw.CacheNodes ?? []).map(reshapeCacheNode),
    transitEncryptionEnabled: raw.TransitEncryptionEnabled ?? false,
    atRestEncryptionEnabled: raw.AtRestEncryptionEnabled ?? false,
    authTokenEnabled: raw.AuthTokenEnabled ?? false,
    pendingChanges: flattenPendingChanges(raw.PendingModifiedValues),
  };
}

export function reshapeServerlessCache(raw: Sdk.ServerlessCache, region: string): ServerlessCache {
  return {
    name: raw.ServerlessCacheName ?? "",
    arn: raw.ARN ?? "",
    region,
    status: raw.Status ?? "",
    engine: reshapeEngine(raw.Engine) ?? "redis",
    majorEngineVersion: raw.MajorEngineVersion ?? "",
    fullEngineVersion: raw.FullEngineVersion,
    endpoint: reshapeEndpoint(raw.Endpoint),
    securityGroupIds: raw.SecurityGroupIds ?? [],
    subnetIds: raw.SubnetIds ?? [],
    userGroupId: raw.UserGroupId,
  };
}

export function reshapeCacheParameterGroup(raw: Sdk.CacheParameterGroup): CacheParameterGroup {
  return {
    name: raw.CacheParameterGroupName ?? "",
    family: raw.CacheParameterGroupFamily ?? "",
    description: raw.Description ?? "",
    arn: raw.ARN ?? "",
    isGlobal: raw.IsGlobal ?? false,
  };
}

export function reshapeCacheParameter(raw: Sdk.Parameter): CacheParameter {
  return {
    name: raw.ParameterName ?? "",
    value: raw.ParameterValue,
    source: raw.Source ?? "",
    allowedValues: raw.AllowedValues,
    dataType: raw.DataType,
    changeType: raw.ChangeType,
    isModifiable: raw.IsModifiable ?? false,
  };
}

export function reshapeCacheEngineVersion(raw: Sdk.CacheEngineVersion): CacheEngineVersion | undefined {
  const engine = reshapeEngine(raw.Engine);
  if (!engine) return undefined;
  return { engine, engineVersion: raw.EngineVersion ?? "", family: raw.CacheParameterGroupFamily ?? "" };
}

export function reshapeCacheSubnetGroup(raw: Sdk.CacheSubnetGroup): CacheSubnetGroup {
  return {
    name: raw.CacheSubnetGroupName ?? "",
    vpcId: raw.VpcId ?? "",
    subnetIds: (raw.Subnets ?? []).flatMap((s) => (s.SubnetIdentifier ? [s.SubnetIdentifier] : [])),
    description: raw.CacheSubnetGroupDescription ?? "",
  };
}

export function reshapeEvent(raw: Sdk.Event): CacheEvent {
  return {
    sourceId: raw.SourceIdentifier ?? "",
    sourceType: raw.SourceType ?? "",
    message: raw.Message ?? "",
    date: raw.Date ? raw.Date.toISOString() : "",
  };
}

export function reshapeTag(raw: { Key?: string; Value?: string }): Tag {
  return { key: raw.Key ?? "", value: raw.Value ?? "" };
}
