/**
 * MemoryDB's parameter group families, their default groups, and the family an engine version needs.
 * MemoryDB names families with an underscore (`memorydb_redis7`) and default groups with a hyphen
 * (`default.memorydb-redis7`).
 */
import type { MemoryDbEngine } from "./state";

export interface MemoryDbFamily {
  family: string;
  engine: MemoryDbEngine;
  /** Major versions this family serves. */
  majors: string[];
}

export const MEMORYDB_FAMILIES: MemoryDbFamily[] = [
  { family: "memorydb_redis6", engine: "redis", majors: ["6"] },
  { family: "memorydb_redis7", engine: "redis", majors: ["7"] },
  { family: "memorydb_valkey7", engine: "valkey", majors: ["7"] },
];

export function defaultGroupName(family: string): string {
  return `default.${family.replace("_", "-")}`;
}

/** The family whose groups a cluster of this engine and version accepts, or undefined. */
export function familyFor(engine: MemoryDbEngine, engineVersion: string): string | undefined {
  const major = engineVersion.split(".")[0] ?? "";
  return MEMORYDB_FAMILIES.find((f) => f.engine === engine && f.majors.includes(major))?.family;
}
