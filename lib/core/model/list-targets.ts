import type { TargetRef } from "@/lib/core/identity/identity";
import type { RegionSnapshot } from "./snapshot";

/**
 * Every target of a region: replication groups (also those seen only through members), standalone
 * clusters, serverless caches, MemoryDB clusters. A region-wide question, so only a `RegionSnapshot` answers it.
 */
export function listTargets(snapshot: RegionSnapshot): TargetRef[] {
  const scope = snapshot.scope;
  const groupIds = new Set<string>(
    snapshot.replicationGroups.ok ? snapshot.replicationGroups.value.map((g) => g.id) : [],
  );
  const refs: TargetRef[] = [];
  if (snapshot.cacheClusters.ok) {
    for (const c of snapshot.cacheClusters.value) {
      if (c.replicationGroupId) groupIds.add(c.replicationGroupId);
      else refs.push({ ...scope, kind: "cache-cluster", id: c.id });
    }
  }
  const groupRefs = [...groupIds].map((id): TargetRef => ({ ...scope, kind: "replication-group", id }));
  const serverless = snapshot.serverlessCaches.ok
    ? snapshot.serverlessCaches.value.map((c): TargetRef => ({ ...scope, kind: "serverless", id: c.name }))
    : [];
  const memorydb = snapshot.memorydb?.clusters.ok
    ? snapshot.memorydb.clusters.value.map((c): TargetRef => ({
        ...scope,
        kind: "memorydb-cluster",
        id: c.name,
      }))
    : [];
  return [...groupRefs, ...refs, ...serverless, ...memorydb];
}
