/**
 * MemoryDB answers as the 2021-01-01 model names them (`Cluster`, `ParameterGroup`, `SubnetGroup`, `ACL`,
 * `Event`); timestamps are epoch seconds, as awsJson1_1 sends them.
 */
import type { RegionState, SubnetState } from "@/tools/sandbox/model/state";
import {
  memoryDbArn,
  memoryDbOf,
  type MemoryDbAclState,
  type MemoryDbClusterState,
  type MemoryDbEventState,
  type MemoryDbParameterGroupState,
  type MemoryDbSubnetGroupState,
} from "./state";

/** The fixed random-looking part of every MemoryDB endpoint of the account and region. */
const HOST_ID = "xyz789";

export function clusterEndpointHost(region: string, cluster: string): string {
  return `clustercfg.${cluster}.${HOST_ID}.memorydb.${region}.amazonaws.com`;
}

export function nodeEndpointHost(region: string, nodeName: string, cluster: string): string {
  return `${nodeName}.${cluster}.${HOST_ID}.memorydb.${region}.amazonaws.com`;
}

const seconds = (ms: number) => ms / 1000;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** `0001`, `0002`, ...: MemoryDB's shard names; nodes are `<cluster>-<shard>-<nnn>`. */
export const shardName = (index: number) => pad(index + 1, 4);

/** Hash slots split evenly over the shards, as MemoryDB assigns them at creation. */
function slotsOf(index: number, shards: number): string {
  const per = Math.floor(16384 / shards);
  const start = index * per;
  const end = index === shards - 1 ? 16383 : start + per - 1;
  return `${start}-${end}`;
}

function shardsJson(region: RegionState, c: MemoryDbClusterState) {
  const subnets = subnetsOf(region, c.subnetGroup);
  return Array.from({ length: c.numShards }, (_, i) => {
    const nodes = Array.from({ length: c.replicasPerShard + 1 }, (_, n) => {
      const name = `${c.name}-${shardName(i)}-${pad(n + 1, 3)}`;
      return {
        Name: name,
        Status: "available",
        AvailabilityZone: subnets[n % Math.max(1, subnets.length)]?.availabilityZone ?? `${region.region}a`,
        CreateTime: seconds(c.createdAt),
        Endpoint: { Address: nodeEndpointHost(region.region, name, c.name), Port: c.port },
      };
    });
    return {
      Name: shardName(i),
      Status: "available",
      Slots: slotsOf(i, c.numShards),
      Nodes: nodes,
      NumberOfNodes: nodes.length,
    };
  });
}

export function clusterJson(region: RegionState, c: MemoryDbClusterState, showShards: boolean) {
  return {
    Name: c.name,
    Description: c.description,
    Status: c.status,
    PendingUpdates: {},
    NumberOfShards: c.numShards,
    ...(showShards ? { Shards: shardsJson(region, c) } : {}),
    AvailabilityMode: c.replicasPerShard > 0 ? "multiaz" : "singleaz",
    ClusterEndpoint: { Address: clusterEndpointHost(region.region, c.name), Port: c.port },
    NodeType: c.nodeType,
    Engine: c.engine,
    EngineVersion: c.engineVersion,
    EnginePatchVersion: c.enginePatchVersion,
    ParameterGroupName: c.parameterGroup,
    ParameterGroupStatus: c.parameterGroupStatus,
    SecurityGroups: c.securityGroups.map((sg) => ({ SecurityGroupId: sg.id, Status: sg.status })),
    SubnetGroupName: c.subnetGroup,
    TLSEnabled: c.tls,
    ARN: memoryDbArn(region, "cluster", c.name),
    SnapshotRetentionLimit: 0,
    MaintenanceWindow: "wed:08:00-wed:09:00",
    SnapshotWindow: "05:00-06:00",
    ACLName: c.aclName,
    AutoMinorVersionUpgrade: true,
    DataTiering: "false",
    NetworkType: "ipv4",
    IpDiscovery: "ipv4",
  };
}

export function parameterGroupJson(region: RegionState, g: MemoryDbParameterGroupState) {
  return {
    Name: g.name,
    Family: g.family,
    Description: g.description,
    ARN: memoryDbArn(region, "parametergroup", g.name),
  };
}

function subnetsOf(region: RegionState, subnetGroup: string): SubnetState[] {
  const group = memoryDbOf(region).subnetGroups.find((g) => g.name === subnetGroup);
  return (group?.subnetIds ?? [])
    .map((id) => region.subnets.find((s) => s.id === id))
    .filter((s): s is SubnetState => s !== undefined);
}

export function subnetGroupJson(region: RegionState, g: MemoryDbSubnetGroupState) {
  return {
    Name: g.name,
    Description: g.description,
    VpcId: g.vpcId,
    Subnets: subnetsOf(region, g.name).map((s) => ({
      Identifier: s.id,
      AvailabilityZone: { Name: s.availabilityZone },
      SupportedNetworkTypes: ["ipv4"],
    })),
    ARN: memoryDbArn(region, "subnetgroup", g.name),
    SupportedNetworkTypes: ["ipv4"],
  };
}

export function aclJson(region: RegionState, a: MemoryDbAclState) {
  return {
    Name: a.name,
    Status: "active",
    UserNames: a.userNames,
    MinimumEngineVersion: "6.2",
    Clusters: memoryDbOf(region)
      .clusters.filter((c) => c.aclName === a.name)
      .map((c) => c.name),
    ARN: memoryDbArn(region, "acl", a.name),
  };
}

export function eventJson(e: MemoryDbEventState) {
  return { SourceName: e.sourceName, SourceType: e.sourceType, Message: e.message, Date: seconds(e.date) };
}
