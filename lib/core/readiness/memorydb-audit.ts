/**
 * The MemoryDB pieces of a cluster's audit row: how a client connects (always a cluster client on the
 * cluster endpoint; an ACL other than `open-access` means a username and password), what it is attached to
 * (for ownership), and the reads whose failures the row must show.
 */
import type { MemoryDbCluster } from "@/lib/core/model/memorydb";
import type { OwnedResource } from "@/lib/core/model/ownership";
import type { ReadResult } from "@/lib/core/model/resources";
import type { Snapshot } from "@/lib/core/model/snapshot";
import type { TargetView } from "./target";
import type { ConnectionInfo } from "./types";

/** The ACL every MemoryDB region has: the `default` user, no password. */
export const OPEN_ACCESS_ACL = "open-access";

export function memoryDbConnection(c: MemoryDbCluster): ConnectionInfo | undefined {
  if (!c.endpoint) return undefined;
  return {
    mode: "cluster",
    host: c.endpoint.address,
    port: c.endpoint.port,
    tls: c.tlsEnabled,
    auth: c.aclName && c.aclName !== OPEN_ACCESS_ACL ? "rbac" : "none",
  };
}

export function memoryDbParts(t: TargetView): OwnedResource[] {
  const groups = t.parameterGroupNames.map((id): OwnedResource => ({ kind: "memorydb-parameter-group", id }));
  const subnet: OwnedResource[] = t.subnetGroupName
    ? [{ kind: "memorydb-subnet-group", id: t.subnetGroupName }]
    : [];
  const sgs = t.securityGroupIds.map((id): OwnedResource => {
    const g = t.index.securityGroups.get(id);
    return { kind: "security-group", id, ...(g ? { tags: g.tags, description: g.description } : {}) };
  });
  return [...groups, ...subnet, ...sgs];
}

/** Every MemoryDB read of a snapshot, for the list of failed reads. */
export function memoryDbReadsOf(s: Snapshot): ReadResult<unknown>[] {
  const m = s.memorydb;
  if (!m) return [];
  return [m.clusters, m.parameterGroups, m.subnetGroups, m.acls, ...Object.values(m.parameters)];
}
