/**
 * Memory on the engine, from `INFO`: the fullest shard's used_memory against its maxmemory. Under
 * noeviction a node at maxmemory refuses writes, so above 80 % the check warns (the same line as the
 * CloudWatch-based `memory-alarm` check). INFO's used_memory includes overhead AWS's
 * DatabaseMemoryUsageCountedForEvictPercentage leaves out, so this reads a little higher: the safe side.
 */
import { MEMORY_WARN_PERCENT } from "@/lib/core/model/memory-watch";
import type { EngineFacts } from "./info";

export interface EngineMemory {
  usedBytes: number;
  maxBytes: number;
  /** Undefined when maxmemory is 0 (no limit: a self-managed engine; ElastiCache always sets one). */
  percent?: number;
  warning?: string;
}

/** The fullest shard's memory, or undefined without facts. */
export function engineMemoryOf(facts: EngineFacts[]): EngineMemory | undefined {
  const shares = facts.map((f) => ({
    usedBytes: f.usedMemory,
    maxBytes: f.maxmemory,
    percent: f.maxmemory > 0 ? (f.usedMemory / f.maxmemory) * 100 : undefined,
  }));
  const fullest = [...shares].sort((a, b) => (b.percent ?? -1) - (a.percent ?? -1))[0];
  if (!fullest) return undefined;
  if (fullest.percent === undefined || fullest.percent <= MEMORY_WARN_PERCENT) return fullest;
  return {
    ...fullest,
    warning:
      `${fullest.percent.toFixed(1)} % of maxmemory is used: under noeviction writes will soon be refused ` +
      "(OOM command not allowed) and BullMQ stops taking jobs. Scale up, add shards, or remove finished jobs.",
  };
}
