/**
 * MemoryDB SDK shapes → the app's (lib/core/model/memorydb.ts). Optional AWS fields the product relies on
 * are normalised here: lists default to `[]`, TLS to false (MemoryDB reports it on every cluster).
 */
import type { ACL, Cluster, Parameter, ParameterGroup, Shard, SubnetGroup } from "@aws-sdk/client-memorydb";
import type {
  MemoryDbAcl,
  MemoryDbCluster,
  MemoryDbEngine,
  MemoryDbParameterGroup,
  MemoryDbShard,
} from "@/lib/core/model/memorydb";
import type { CacheParameter, CacheSubnetGroup, Endpoint } from "@/lib/core/model/resources";

function endpointOf(e: Cluster["ClusterEndpoint"]): Endpoint | undefined {
  return e?.Address && typeof e.Port === "number" ? { address: e.Address, port: e.Port } : undefined;
}

function engineOf(engine: string | undefined): MemoryDbEngine {
  return engine?.toLowerCase() === "valkey" ? "valkey" : "redis";
}

function reshapeShard(s: Shard): MemoryDbShard {
  return {
    name: s.Name ?? "",
    status: s.Status ?? "unknown",
    slots: s.Slots,
    nodes: (s.Nodes ?? []).map((n) => ({
      name: n.Name ?? "",
      status: n.Status ?? "unknown",
      endpoint: endpointOf(n.Endpoint),
      availabilityZone: n.AvailabilityZone,
    })),
  };
}

export function reshapeCluster(c: Cluster, region: string): MemoryDbCluster {
  return {
    name: c.Name ?? "",
    arn: c.ARN ?? "",
    region,
    description: c.Description ?? "",
    status: c.Status ?? "unknown",
    engine: engineOf(c.Engine),
    engineVersion: c.EngineVersion ?? "",
    enginePatchVersion: c.EnginePatchVersion,
    nodeType: c.NodeType,
    parameterGroupName: c.ParameterGroupName,
    parameterGroupStatus: c.ParameterGroupStatus,
    securityGroups: (c.SecurityGroups ?? []).flatMap((g) =>
      g.SecurityGroupId ? [{ id: g.SecurityGroupId, status: g.Status ?? "unknown" }] : [],
    ),
    subnetGroupName: c.SubnetGroupName,
    tlsEnabled: c.TLSEnabled ?? false,
    aclName: c.ACLName,
    endpoint: endpointOf(c.ClusterEndpoint),
    numberOfShards: c.NumberOfShards ?? c.Shards?.length ?? 0,
    shards: (c.Shards ?? []).map(reshapeShard),
  };
}

export function reshapeParameterGroup(g: ParameterGroup): MemoryDbParameterGroup {
  return { name: g.Name ?? "", family: g.Family ?? "", description: g.Description ?? "", arn: g.ARN ?? "" };
}

/** MemoryDB reports no source or change type: every parameter it lists is modifiable on a custom group. */
export function reshapeParameter(p: Parameter): CacheParameter {
  return {
    name: p.Name ?? "",
    value: p.Value || undefined,
    source: "",
    allowedValues: p.AllowedValues,
    dataType: p.DataType,
    isModifiable: true,
  };
}

export function reshapeSubnetGroup(g: SubnetGroup): CacheSubnetGroup {
  return {
    name: g.Name ?? "",
    vpcId: g.VpcId ?? "",
    subnetIds: (g.Subnets ?? []).flatMap((s) => (s.Identifier ? [s.Identifier] : [])),
    description: g.Description ?? "",
  };
}

export function reshapeAcl(a: ACL): MemoryDbAcl {
  return { name: a.Name ?? "", status: a.Status ?? "unknown", userNames: a.UserNames ?? [] };
}
