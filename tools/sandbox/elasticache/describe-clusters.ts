/** DescribeReplicationGroups, DescribeCacheClusters and DescribeServerlessCaches. */
import { SandboxError } from "@/tools/sandbox/errors";
import { read, type OperationTable } from "@/tools/sandbox/model/operation";
import { bool, int, str } from "@/tools/sandbox/protocol/query-form";
import { leaf, list } from "@/tools/sandbox/protocol/xml";
import { pageByMarker, pageByToken } from "./paging";
import { cacheClusterXml, clustersById, replicationGroupXml, serverlessCacheXml } from "./serialize";

const marker = (next: string | undefined): string => leaf("Marker", next);

export const describeClusterOps: OperationTable = {
  DescribeReplicationGroups: read(({ region, params }) => {
    const id = str(params, "ReplicationGroupId")?.toLowerCase();
    const groups = id ? region.replicationGroups.filter((g) => g.id === id) : region.replicationGroups;
    if (id && groups.length === 0) {
      throw new SandboxError("ReplicationGroupNotFoundFault", `ReplicationGroup ${id} not found.`, 404);
    }
    const page = pageByMarker(groups, int(params, "MaxRecords"), str(params, "Marker"), `rg:${id ?? ""}`);
    const byId = clustersById(region);
    return (
      marker(page.next) +
      list("ReplicationGroups", "ReplicationGroup", page.items, (g) => replicationGroupXml(region, g, byId))
    );
  }),

  DescribeCacheClusters: read(({ region, params }) => {
    const id = str(params, "CacheClusterId")?.toLowerCase();
    const showNodes = bool(params, "ShowCacheNodeInfo") ?? false;
    const onlyStandalone = bool(params, "ShowCacheClustersNotInReplicationGroups") ?? false;
    let clusters = id ? region.cacheClusters.filter((c) => c.id === id) : region.cacheClusters;
    // A replication group id is not a cache cluster id: AWS answers "not found", never the members.
    if (id && clusters.length === 0)
      throw new SandboxError("CacheClusterNotFound", `CacheCluster not found: ${id}`, 404);
    if (onlyStandalone) clusters = clusters.filter((c) => !c.replicationGroupId);
    const page = pageByMarker(
      clusters,
      int(params, "MaxRecords"),
      str(params, "Marker"),
      `cc:${id ?? ""}:${onlyStandalone}`,
    );
    return (
      marker(page.next) +
      list("CacheClusters", "CacheCluster", page.items, (c) => cacheClusterXml(region, c, showNodes))
    );
  }),

  DescribeServerlessCaches: read(({ region, params }) => {
    const name = str(params, "ServerlessCacheName");
    const caches = name ? region.serverlessCaches.filter((s) => s.name === name) : region.serverlessCaches;
    if (name && caches.length === 0)
      throw new SandboxError("ServerlessCacheNotFoundFault", `Serverless cache ${name} not found.`, 404);
    const page = pageByToken(
      caches,
      int(params, "MaxResults"),
      str(params, "NextToken"),
      `sc:${name ?? ""}`,
      [1, 100],
    );
    return (
      leaf("NextToken", page.next) +
      list("ServerlessCaches", "member", page.items, (s) => serverlessCacheXml(region, s))
    );
  }),
};
