/**
 * The host names ElastiCache gives a cluster's endpoints. One place for the pattern: the XML answers and the
 * sandbox's real engines (which must answer on exactly these names through routes) both use it.
 */
import { regionCode } from "@/tools/sandbox/seed/cache-builders";

/** The fixed random-looking part AWS puts in every endpoint of an account and region. */
export const ENDPOINT_HOST_ID = "abc123";

export function nodeHost(region: string, clusterId: string, nodeId: string): string {
  return `${clusterId}.${ENDPOINT_HOST_ID}.${nodeId}.${regionCode(region)}.cache.amazonaws.com`;
}

/** A shard's primary endpoint (cluster mode off). */
export function primaryEndpointHost(region: string, groupId: string, shardId: string): string {
  return `${groupId}.${ENDPOINT_HOST_ID}.ng.${shardId}.${regionCode(region)}.cache.amazonaws.com`;
}

export function readerEndpointHost(region: string, groupId: string, shardId: string): string {
  return `${groupId}-ro.${ENDPOINT_HOST_ID}.ng.${shardId}.${regionCode(region)}.cache.amazonaws.com`;
}

/** The configuration endpoint of a cluster-mode group. */
export function configurationEndpointHost(region: string, groupId: string): string {
  return `clustercfg.${groupId}.${ENDPOINT_HOST_ID}.${regionCode(region)}.cache.amazonaws.com`;
}
