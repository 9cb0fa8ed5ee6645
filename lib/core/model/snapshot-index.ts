/**
 * Lookups into a region snapshot, built once per snapshot. The rules join every target with its members,
 * groups and network; scanning the lists for each of 1,500 targets made an audit quadratic (hundreds of ms
 * at 3,000 clusters). Each map keeps the first entry a list scan would have found, so answers are unchanged.
 *
 * Snapshots are values: once read they are never modified, which is what makes caching the index by the
 * snapshot object sound.
 */
import type {
  CacheCluster,
  CacheParameterGroup,
  CacheSubnetGroup,
  ReplicationGroup,
  SecurityGroup,
  ServerlessCache,
  Vpc,
} from "./resources";
import type { ReadResult, Snapshot } from "./snapshot";

export interface SnapshotIndex {
  replicationGroups: ReadonlyMap<string, ReplicationGroup>;
  /** Member cache clusters by replication group id, in the order DescribeCacheClusters listed them. */
  members: ReadonlyMap<string, readonly CacheCluster[]>;
  /** Every cache cluster by id, each id's entries in list order (a list read while it changed can repeat one). */
  clustersById: ReadonlyMap<string, readonly CacheCluster[]>;
  /** Cache clusters outside any replication group, by id. */
  standalone: ReadonlyMap<string, CacheCluster>;
  serverless: ReadonlyMap<string, ServerlessCache>;
  /** Ids of the clusters (replication group, or standalone cluster) whose nodes use each parameter group, sorted. */
  parameterGroupUsers: ReadonlyMap<string, readonly string[]>;
  parameterGroups: ReadonlyMap<string, CacheParameterGroup>;
  /** Parameter groups by lowercased name: AWS stores names lowercase, a person may type them otherwise. */
  parameterGroupsByLowerName: ReadonlyMap<string, CacheParameterGroup>;
  /** Parameter groups of each family, in list order. */
  parameterGroupsByFamily: ReadonlyMap<string, readonly CacheParameterGroup[]>;
  securityGroups: ReadonlyMap<string, SecurityGroup>;
  /** Security groups of each VPC, in list order. */
  securityGroupsByVpc: ReadonlyMap<string, readonly SecurityGroup[]>;
  /** Cache clusters (members and standalone) carrying each security group, in list order. */
  securityGroupUsers: ReadonlyMap<string, readonly CacheCluster[]>;
  subnetGroups: ReadonlyMap<string, CacheSubnetGroup>;
  vpcs: ReadonlyMap<string, Vpc>;
}

const cache = new WeakMap<Snapshot, SnapshotIndex>();

/** The index of `snapshot`, built on first use; failed reads index as empty (rules check `ok` themselves). */
export function indexSnapshot(snapshot: Snapshot): SnapshotIndex {
  let index = cache.get(snapshot);
  if (!index) {
    index = buildIndex(snapshot);
    cache.set(snapshot, index);
  }
  return index;
}

function buildIndex(s: Snapshot): SnapshotIndex {
  const clusters = valuesOf(s.cacheClusters);
  const members = new Map<string, CacheCluster[]>();
  const standalone = new Map<string, CacheCluster>();
  const clustersById = new Map<string, CacheCluster[]>();
  const users = new Map<string, Set<string>>();
  const sgUsers = new Map<string, CacheCluster[]>();
  for (const c of clusters) {
    for (const id of new Set(c.securityGroups.map((g) => g.id))) push(sgUsers, id, c);
    const same = clustersById.get(c.id);
    if (same) same.push(c);
    else clustersById.set(c.id, [c]);
    if (c.replicationGroupId) {
      const list = members.get(c.replicationGroupId);
      if (list) list.push(c);
      else members.set(c.replicationGroupId, [c]);
    } else if (!standalone.has(c.id)) {
      standalone.set(c.id, c);
    }
    const group = c.parameterGroup?.name;
    if (group !== undefined) {
      const set = users.get(group) ?? new Set<string>();
      set.add(c.replicationGroupId ?? c.id);
      users.set(group, set);
    }
  }
  const parameterGroups = valuesOf(s.parameterGroups);
  const securityGroups = valuesOf(s.securityGroups);
  return {
    replicationGroups: byKey(valuesOf(s.replicationGroups), (g) => g.id),
    members,
    clustersById,
    standalone,
    serverless: byKey(valuesOf(s.serverlessCaches), (c) => c.name),
    parameterGroupUsers: new Map([...users].map(([name, ids]) => [name, [...ids].sort()])),
    parameterGroups: byKey(parameterGroups, (g) => g.name),
    parameterGroupsByLowerName: byKey(parameterGroups, (g) => g.name.toLowerCase()),
    parameterGroupsByFamily: groupBy(parameterGroups, (g) => g.family),
    securityGroups: byKey(securityGroups, (g) => g.id),
    securityGroupsByVpc: groupBy(securityGroups, (g) => g.vpcId),
    securityGroupUsers: sgUsers,
    subnetGroups: byKey(valuesOf(s.subnetGroups), (g) => g.name),
    vpcs: byKey(valuesOf(s.vpcs), (v) => v.id),
  };
}

function valuesOf<T>(read: ReadResult<T[]>): T[] {
  return read.ok ? read.value : [];
}

/** First entry wins, as `Array.find` would. */
function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

/** Every entry under its key, in list order, as `Array.filter` would give them. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) push(map, key(item), item);
  return map;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
