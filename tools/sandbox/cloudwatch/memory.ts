/**
 * The memory figures behind the sandbox's ElastiCache metrics. With real engines (`--engines`) a cache
 * cluster's figures are its engine's `INFO memory` (used_memory, used_memory_overhead, maxmemory), sampled
 * by the engine manager; otherwise they come from the seed (`memoryPercent`, or a steady value derived from
 * the id) against the maxmemory ElastiCache gives the node type.
 */
import { maxmemoryOf } from "@/tools/sandbox/engines/node-plan";
import type { RegionState } from "@/tools/sandbox/model/state";

export interface MemoryReading {
  usedBytes: number;
  /** used_memory minus the engine's overhead: what the engine compares with maxmemory before refusing writes. */
  countedBytes: number;
  maxBytes: number;
}

/** A cache cluster's engine reading, when a real engine runs for it. */
export type EngineMemory = (
  accountId: string,
  region: string,
  cacheClusterId: string,
) => MemoryReading | undefined;

/** A serverless cache without a configured data storage maximum is judged against this (bytes). */
const SERVERLESS_NOMINAL_BYTES = 10 * 1024 ** 3;
/** The share of used memory the seed counts as engine overhead (replication buffers, dictionaries). */
const SEED_OVERHEAD = 0.04;

/** 5..54 %: a steady, id-dependent use for clusters the seed says nothing about. */
function derivedPercent(id: string): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return 5 + (h % 50);
}

function seeded(region: RegionState, id: string, maxBytes: number): MemoryReading {
  const percent = region.memoryPercent?.[id] ?? derivedPercent(id);
  const usedBytes = Math.round((maxBytes * percent) / 100);
  return { usedBytes, countedBytes: Math.round(usedBytes * (1 - SEED_OVERHEAD)), maxBytes };
}

/** A cache cluster's reading (undefined: no such Redis/Valkey cluster). */
export function clusterMemory(
  region: RegionState,
  id: string,
  engine?: EngineMemory,
): MemoryReading | undefined {
  const cc = region.cacheClusters.find((c) => c.id === id && c.engine !== "memcached");
  if (!cc) return undefined;
  return engine?.(region.accountId, region.region, id) ?? seeded(region, id, maxmemoryOf(cc.cacheNodeType));
}

/** The fullest member of a replication group: a write refused anywhere is a write refused. */
export function groupMemory(
  region: RegionState,
  id: string,
  engine?: EngineMemory,
): MemoryReading | undefined {
  const readings = region.cacheClusters
    .filter((c) => c.replicationGroupId === id)
    .map((c) => clusterMemory(region, c.id, engine))
    .filter((r): r is MemoryReading => r !== undefined);
  return readings.sort((a, b) => b.usedBytes / b.maxBytes - a.usedBytes / a.maxBytes)[0];
}

export function serverlessMemory(region: RegionState, name: string): MemoryReading | undefined {
  const cache = region.serverlessCaches.find((s) => s.name === name);
  if (!cache) return undefined;
  return seeded(region, name, SERVERLESS_NOMINAL_BYTES);
}
