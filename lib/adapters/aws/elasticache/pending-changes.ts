/**
 * `PendingModifiedValues` comes in two shapes (replication group, cache cluster) that both grow new
 * fields over time; flattening generically keeps a change AWS adds tomorrow visible instead of dropped.
 */

import type { PendingChange } from "@/lib/core/model/resources";

/**
 * `{ EngineVersion: "7.1", UserGroups: { UserGroupIdsToAdd: ["a"] } }` ->
 * `[{ field: "EngineVersion", value: "7.1" }, { field: "UserGroups.UserGroupIdsToAdd", value: "a" }]`.
 * Empty lists and absent values are not changes and are left out.
 */
export function flattenPendingChanges(raw: object | undefined): PendingChange[] {
  const out: PendingChange[] = [];
  if (raw) walk(raw as Record<string, unknown>, "", out);
  return out;
}

function walk(record: Record<string, unknown>, prefix: string, out: PendingChange[]): void {
  for (const [key, value] of Object.entries(record)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      const scalars = value.every((v) => typeof v !== "object" || v === null);
      out.push({ field, value: scalars ? value.join(",") : JSON.stringify(value) });
    } else if (value instanceof Date) {
      out.push({ field, value: value.toISOString() });
    } else if (typeof value === "object") {
      walk(value as Record<string, unknown>, field, out);
    } else {
      out.push({ field, value: String(value) });
    }
  }
}
