/**
 * ElastiCache resources as awsQuery XML. Member and list-entry names follow the service model
 * (node_modules/@aws-sdk/client-elasticache/dist-es/schemas/schemas_0.js): a wrong name does not
 * fail in the SDK, it silently reads as empty, so each one here was checked against that file.
 */
import { regionCode } from "@/tools/sandbox/seed/cache-builders";
import {
  elasticacheArn,
  type CacheClusterState,
  type RegionState,
  type ReplicationGroupState,
  type ServerlessCacheState,
} from "@/tools/sandbox/model/state";
import { isoTime, leaf, list, node, stringList } from "@/tools/sandbox/protocol/xml";
import {
  ENDPOINT_HOST_ID as HOST,
  configurationEndpointHost,
  nodeHost,
  primaryEndpointHost,
  readerEndpointHost,
} from "./endpoints";

const endpoint = (name: string, address: string, port: number): string =>
  node(name, leaf("Address", address) + leaf("Port", port));

/** The region's cache clusters by id: built once per answer, so a page of groups does not rescan the list per member. */
export function clustersById(region: RegionState): Map<string, CacheClusterState> {
  return new Map(region.cacheClusters.map((c) => [c.id, c]));
}

export function replicationGroupXml(
  region: RegionState,
  rg: ReplicationGroupState,
  byId = clustersById(region),
): string {
  const members = rg.shards.flatMap((s) => s.members);
  const shards = list("NodeGroups", "NodeGroup", rg.shards, (shard) => {
    const index = rg.shards.indexOf(shard);
    const slots = rg.clusterEnabled ? slotRange(index, rg.shards.length) : undefined;
    const memberXml = list("NodeGroupMembers", "NodeGroupMember", shard.members, (id) => {
      const cc = byId.get(id);
      return (
        leaf("CacheClusterId", id) +
        leaf("CacheNodeId", "0001") +
        (rg.clusterEnabled ? "" : endpoint("ReadEndpoint", nodeHost(region.region, id, "0001"), rg.port)) +
        leaf("PreferredAvailabilityZone", cc?.availabilityZone) +
        (rg.clusterEnabled ? "" : leaf("CurrentRole", id === shard.members[0] ? "primary" : "replica"))
      );
    });
    return (
      leaf("NodeGroupId", shard.id) +
      leaf("Status", rg.status === "modifying" ? "modifying" : "available") +
      (rg.clusterEnabled
        ? ""
        : endpoint("PrimaryEndpoint", primaryEndpointHost(region.region, rg.id, shard.id), rg.port) +
          endpoint("ReaderEndpoint", readerEndpointHost(region.region, rg.id, shard.id), rg.port)) +
      leaf("Slots", slots) +
      memberXml
    );
  });
  return (
    leaf("ReplicationGroupId", rg.id) +
    leaf("Description", rg.description) +
    leaf("Status", rg.status) +
    node("PendingModifiedValues", "") +
    stringList("MemberClusters", "ClusterId", members) +
    shards +
    leaf("AutomaticFailover", members.length > 1 ? "enabled" : "disabled") +
    leaf("MultiAZ", members.length > 1 ? "enabled" : "disabled") +
    (rg.clusterEnabled
      ? endpoint("ConfigurationEndpoint", configurationEndpointHost(region.region, rg.id), rg.port)
      : "") +
    leaf("SnapshotRetentionLimit", 0) +
    leaf("ClusterEnabled", rg.clusterEnabled) +
    leaf("CacheNodeType", rg.cacheNodeType) +
    leaf("AuthTokenEnabled", rg.authToken) +
    leaf("TransitEncryptionEnabled", rg.transitEncryption) +
    leaf("AtRestEncryptionEnabled", rg.atRestEncryption) +
    leaf("ARN", elasticacheArn(region, "replicationgroup", rg.id)) +
    stringList("UserGroupIds", "member", []) +
    leaf("ReplicationGroupCreateTime", isoTime(rg.createdAt)) +
    leaf("DataTiering", "disabled") +
    leaf("AutoMinorVersionUpgrade", true) +
    leaf("NetworkType", "ipv4") +
    leaf("IpDiscovery", "ipv4") +
    (rg.transitEncryption ? leaf("TransitEncryptionMode", "required") : "") +
    leaf("ClusterMode", rg.clusterEnabled ? "enabled" : "disabled") +
    leaf("Engine", rg.engine)
  );
}

/** The slots ElastiCache shows for shard `index` of `count` (the real engines get the same ranges). */
export function slotRange(index: number, count: number): string {
  const size = Math.floor(16384 / count);
  const start = index * size;
  const end = index === count - 1 ? 16383 : start + size - 1;
  return `${start}-${end}`;
}

export function cacheClusterXml(region: RegionState, cc: CacheClusterState, showNodes: boolean): string {
  const code = regionCode(region.region);
  const nodeIds = Array.from({ length: cc.numNodes }, (_, i) => String(i + 1).padStart(4, "0"));
  const nodes = showNodes
    ? list(
        "CacheNodes",
        "CacheNode",
        nodeIds,
        (id) =>
          leaf("CacheNodeId", id) +
          leaf("CacheNodeStatus", "available") +
          leaf("CacheNodeCreateTime", isoTime(cc.createdAt)) +
          endpoint("Endpoint", nodeHost(region.region, cc.id, id), cc.port) +
          leaf("ParameterGroupStatus", cc.paramApplyStatus) +
          leaf("CustomerAvailabilityZone", cc.availabilityZone),
      )
    : "";
  const memcachedConfig =
    cc.engine === "memcached"
      ? endpoint("ConfigurationEndpoint", `${cc.id}.${HOST}.cfg.${code}.cache.amazonaws.com`, cc.port)
      : "";
  return (
    leaf("CacheClusterId", cc.id) +
    memcachedConfig +
    leaf("ClientDownloadLandingPage", "https://console.aws.amazon.com/elasticache/home#client-download:") +
    leaf("CacheNodeType", cc.cacheNodeType) +
    leaf("Engine", cc.engine) +
    leaf("EngineVersion", cc.engineVersion) +
    leaf("CacheClusterStatus", cc.status) +
    leaf("NumCacheNodes", cc.numNodes) +
    leaf("PreferredAvailabilityZone", cc.availabilityZone) +
    leaf("CacheClusterCreateTime", isoTime(cc.createdAt)) +
    leaf("PreferredMaintenanceWindow", "sun:05:00-sun:06:00") +
    node("PendingModifiedValues", "") +
    list("CacheSecurityGroups", "CacheSecurityGroup", [], () => "") +
    node(
      "CacheParameterGroup",
      leaf("CacheParameterGroupName", cc.parameterGroup) +
        leaf("ParameterApplyStatus", cc.paramApplyStatus) +
        stringList("CacheNodeIdsToReboot", "CacheNodeId", cc.nodesToReboot),
    ) +
    leaf("CacheSubnetGroupName", cc.subnetGroup) +
    nodes +
    leaf("AutoMinorVersionUpgrade", true) +
    list(
      "SecurityGroups",
      "member",
      cc.securityGroups,
      (sg) => leaf("SecurityGroupId", sg.id) + leaf("Status", sg.status),
    ) +
    leaf("ReplicationGroupId", cc.replicationGroupId) +
    leaf("SnapshotRetentionLimit", 0) +
    leaf("AuthTokenEnabled", cc.authToken) +
    leaf("TransitEncryptionEnabled", cc.transitEncryption) +
    leaf("AtRestEncryptionEnabled", cc.atRestEncryption) +
    leaf("ARN", elasticacheArn(region, "cluster", cc.id)) +
    leaf("ReplicationGroupLogDeliveryEnabled", false) +
    leaf("NetworkType", "ipv4") +
    leaf("IpDiscovery", "ipv4")
  );
}

export function serverlessCacheXml(region: RegionState, sc: ServerlessCacheState): string {
  const host = `${sc.name}-${HOST}.serverless.${regionCode(region.region)}.cache.amazonaws.com`;
  return (
    leaf("ServerlessCacheName", sc.name) +
    leaf("Description", sc.description) +
    leaf("CreateTime", isoTime(sc.createdAt)) +
    leaf("Status", sc.status) +
    leaf("Engine", sc.engine) +
    leaf("MajorEngineVersion", sc.majorEngineVersion) +
    leaf("FullEngineVersion", sc.fullEngineVersion) +
    stringList("SecurityGroupIds", "SecurityGroupId", sc.securityGroupIds) +
    endpoint("Endpoint", host, sc.port) +
    endpoint("ReaderEndpoint", host, sc.port + 1) +
    leaf("ARN", elasticacheArn(region, "serverlesscache", sc.name)) +
    stringList("SubnetIds", "SubnetId", sc.subnetIds) +
    leaf("SnapshotRetentionLimit", 0) +
    leaf("NetworkType", "ipv4")
  );
}
