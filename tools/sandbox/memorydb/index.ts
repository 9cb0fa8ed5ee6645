/**
 * Amazon MemoryDB (awsJson1_1, target prefix `AmazonMemoryDB`): the reads the audit needs and the writes
 * the fix makes, over the region's MemoryDB state. Every MemoryDB error answers 400 with `__type`.
 */
import type { MemoryDbOperation } from "./context";
import { memoryDbReads } from "./reads";
import { memoryDbWrites } from "./writes";

export const MEMORYDB_TARGET_PREFIX = "AmazonMemoryDB";

export const memoryDbOps: Record<string, MemoryDbOperation> = { ...memoryDbReads, ...memoryDbWrites };

/** An error body as awsJson1_1 clients read it (the model's error members are lower-case `message`). */
export function memoryDbError(code: string, message: string): string {
  return JSON.stringify({ __type: code, message });
}
