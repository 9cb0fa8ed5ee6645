import { createAwsContext } from "@/lib/adapters/aws/context";
import {
  listCacheClusters,
  listCacheParameters,
  listCacheSubnetGroups,
  listReplicationGroups,
  listServerlessCaches,
} from "@/lib/adapters/aws/elasticache/reads";
import { listVpcs } from "@/lib/adapters/aws/ec2/reads";
import { listMemoryDbClusters } from "@/lib/adapters/aws/memorydb/reads";
import { isDefaultParameterGroup } from "@/lib/core/model/resources";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { PAGE_SIZES, pages, type RegionFleetShape } from "./lower-bound";

const PAGE = PAGE_SIZES.elasticache;

/** A region's fleet as counted from direct reads, plus the audit rows it should produce. */
export interface RegionTruth extends RegionFleetShape {
  /** Replication groups + standalone clusters (memcached included) + serverless caches + MemoryDB clusters. */
  targets: number;
  /** The ids/names of those targets, to check a page or an audit shows every one. */
  targetIds: string[];
  standaloneClusters: number;
  /** Distinct custom parameter groups of Redis/Valkey nodes: the ones whose parameters must be read. */
  attachedGroups: number;
}

/**
 * Reads the region directly (untimed, outside the audit) to know what the audit should find and to feed
 * the lower-bound formula. Deliberately independent of lib/services/audit, so an audit that misses targets shows.
 */
export async function readRegionTruth(settings: AwsSettings, region: string): Promise<RegionTruth> {
  const ctx = createAwsContext(settings, region);
  const [groups, clusters, serverless, subnetGroups, vpcs, memoryDb] = await Promise.all([
    listReplicationGroups(ctx),
    listCacheClusters(ctx),
    listServerlessCaches(ctx),
    listCacheSubnetGroups(ctx),
    listVpcs(ctx),
    listMemoryDbClusters(ctx),
  ]);
  // The groups whose parameters the API makes anyone read: custom groups of Redis/Valkey nodes. A default
  // group is fixed at its family default and Memcached groups hold nothing BullMQ needs.
  const groupNames = [
    ...new Set(
      clusters.flatMap((c) => (c.parameterGroup && c.engine !== "memcached" ? [c.parameterGroup.name] : [])),
    ),
  ].filter((name) => !isDefaultParameterGroup(name));
  const policyPages = await Promise.all(
    groupNames.map(async (name) => {
      const changed = await listCacheParameters(ctx, name, { source: "user" });
      if (changed.some((p) => p.name === "maxmemory-policy")) return pages(changed.length, PAGE);
      return pages(changed.length, PAGE) + pages((await listCacheParameters(ctx, name)).length, PAGE);
    }),
  );
  const securityGroupIds = new Set(clusters.flatMap((c) => c.securityGroups.map((s) => s.id)));
  const standaloneClusters = clusters.filter((c) => !c.replicationGroupId).length;
  return {
    region,
    replicationGroups: groups.length,
    cacheClusters: clusters.length,
    serverlessCaches: serverless.length,
    subnetGroups: subnetGroups.length,
    vpcs: vpcs.length,
    attachedGroupPolicyPages: policyPages,
    securityGroupIds: securityGroupIds.size,
    targets: groups.length + standaloneClusters + serverless.length + memoryDb.length,
    targetIds: [
      ...groups.map((g) => g.id),
      ...clusters.filter((c) => !c.replicationGroupId).map((c) => c.id),
      ...serverless.map((s) => s.name),
      ...memoryDb.map((c) => c.name),
    ],
    standaloneClusters,
    attachedGroups: groupNames.length,
  };
}
