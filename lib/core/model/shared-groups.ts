/**
 * Who else uses a group, and which groups a region holds: the questions the planner, its fingerprint and
 * the suggestions ask about parameter and security groups, answered through the snapshot's index (never a
 * scan of its lists). A cluster is named as the status page names it: its replication group's id, or its
 * own id when standalone.
 */
import type { CacheCluster, CacheParameterGroup, SecurityGroup } from "./resources";
import type { Snapshot } from "./snapshot";
import { indexSnapshot } from "./snapshot-index";

/** Ids of the clusters whose nodes use a parameter group, sorted; none when the cluster list failed. */
export function parameterGroupUsers(snapshot: Snapshot, groupName: string): string[] {
  if (!snapshot.cacheClusters.ok) return [];
  return [...(indexSnapshot(snapshot).parameterGroupUsers.get(groupName) ?? [])];
}

/** Ids of the clusters with a security group attached, sorted. */
export function securityGroupUsers(snapshot: Snapshot, groupId: string): string[] {
  const users = indexSnapshot(snapshot).securityGroupUsers.get(groupId) ?? [];
  return [...new Set(users.map(clusterName))].sort();
}

/**
 * Clusters a new rule on `port` in this security group really opens: those that have the group and listen
 * on that port. One whose port is unknown is kept, named as such: it may listen there.
 */
export function clustersOpenedBy(snapshot: Snapshot, groupId: string, port: number): string[] {
  const names = new Map<string, string>();
  for (const c of indexSnapshot(snapshot).securityGroupUsers.get(groupId) ?? []) {
    const p = nodePort(c);
    const name = clusterName(c);
    if (p === port) names.set(name, name);
    else if (p === undefined && !names.has(name)) names.set(name, `${name} (port unknown)`);
  }
  return [...names.values()].sort();
}

/** The port a cache cluster's nodes listen on, from its endpoints (never assumed). */
function nodePort(c: CacheCluster): number | undefined {
  return c.nodes.find((n) => n.endpoint)?.endpoint?.port ?? c.configurationEndpoint?.port;
}

const clusterName = (c: CacheCluster): string => c.replicationGroupId ?? c.id;

/** A security group by id, as listed; undefined when absent or the list failed. */
export function securityGroupById(snapshot: Snapshot, groupId: string): SecurityGroup | undefined {
  return indexSnapshot(snapshot).securityGroups.get(groupId);
}

/** The security groups of a VPC, in list order (none for an unknown VPC). */
export function securityGroupsInVpc(snapshot: Snapshot, vpcId: string | undefined): readonly SecurityGroup[] {
  return vpcId === undefined ? [] : (indexSnapshot(snapshot).securityGroupsByVpc.get(vpcId) ?? []);
}

/** The security group of a VPC with a name, compared as EC2 does (case-insensitively). */
export function securityGroupNamed(
  snapshot: Snapshot,
  vpcId: string | undefined,
  name: string,
): SecurityGroup | undefined {
  const lower = name.toLowerCase();
  return securityGroupsInVpc(snapshot, vpcId).find((g) => g.name.toLowerCase() === lower);
}

/** A parameter group by name: exactly as listed, or ignoring case (a name as a person typed it). */
export function parameterGroupNamed(
  snapshot: Snapshot,
  name: string,
  opts: { ignoreCase?: boolean } = {},
): CacheParameterGroup | undefined {
  const index = indexSnapshot(snapshot);
  return opts.ignoreCase
    ? index.parameterGroupsByLowerName.get(name.toLowerCase())
    : index.parameterGroups.get(name);
}

/** The parameter groups of a family, in list order (none for an unknown family). */
export function parameterGroupsOfFamily(
  snapshot: Snapshot,
  family: string | undefined,
): readonly CacheParameterGroup[] {
  return family === undefined ? [] : (indexSnapshot(snapshot).parameterGroupsByFamily.get(family) ?? []);
}
