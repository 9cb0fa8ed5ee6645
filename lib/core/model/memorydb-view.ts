/**
 * The target view of a MemoryDB cluster: the same facts the ElastiCache join decides (engine, version,
 * status, port, VPC, parameter group and its family, security groups), read off the one cluster record
 * MemoryDB keeps them on. Always cluster mode; the VPC comes from MemoryDB's own subnet groups.
 */
import type { TargetRef } from "@/lib/core/identity/identity";
import { memoryDbFamilyFor, type MemoryDbCluster } from "./memorydb";
import type { Snapshot } from "./snapshot";
import type { SnapshotIndex } from "./snapshot-index";
import type { TargetView } from "./target-view";

export function memoryDbClusterOf(snapshot: Snapshot, name: string): MemoryDbCluster | undefined {
  const read = snapshot.memorydb?.clusters;
  return read?.ok ? read.value.find((c) => c.name === name) : undefined;
}

/** Ids of the MemoryDB clusters using a MemoryDB parameter group, sorted. */
export function memoryDbGroupUsers(snapshot: Snapshot, groupName: string): string[] {
  const read = snapshot.memorydb?.clusters;
  if (!read?.ok) return [];
  return read.value
    .filter((c) => c.parameterGroupName === groupName)
    .map((c) => c.name)
    .sort();
}

/** A MemoryDB group's family: as DescribeParameterGroups lists it, else from a default group's name. */
export function memoryDbGroupFamily(snapshot: Snapshot, groupName: string): string | undefined {
  const read = snapshot.memorydb?.parameterGroups;
  const listed = read?.ok ? read.value.find((g) => g.name === groupName)?.family : undefined;
  return listed ?? /^default\.memorydb-([a-z]+\d+)$/.exec(groupName)?.[1]?.replace(/^/, "memorydb_");
}

export function viewMemoryDb(
  snapshot: Snapshot,
  index: SnapshotIndex,
  ref: TargetRef,
): TargetView | undefined {
  const cluster = memoryDbClusterOf(snapshot, ref.id);
  if (!cluster) return undefined;
  const subnets = snapshot.memorydb?.subnetGroups;
  const vpcId =
    subnets?.ok && cluster.subnetGroupName
      ? subnets.value.find((g) => g.name === cluster.subnetGroupName)?.vpcId
      : undefined;
  const group = cluster.parameterGroupName;
  return {
    ref,
    snapshot,
    index,
    region: snapshot.region,
    service: "memorydb",
    memorydb: cluster,
    members: { ok: true, value: [] },
    engine: cluster.engine,
    // The patch version when reported: BullMQ compares full versions.
    engineVersion: cluster.enginePatchVersion ?? cluster.engineVersion,
    status: cluster.status,
    port: cluster.endpoint?.port,
    clusterMode: true,
    subnetGroupName: cluster.subnetGroupName,
    vpcId,
    parameterGroupNames: group ? [group] : [],
    parameterGroupName: group,
    family:
      (group ? memoryDbGroupFamily(snapshot, group) : undefined) ??
      memoryDbFamilyFor(cluster.engine, cluster.engineVersion),
    securityGroupIds: cluster.securityGroups.map((g) => g.id),
    globalDatastore: false,
  };
}
