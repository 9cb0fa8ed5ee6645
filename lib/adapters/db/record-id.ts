import { randomBytes } from "node:crypto";

/** Sortable by time, random enough for many replicas: `20260115T120301-3f9a1c8e`. */
export function newId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "");
  return `${stamp}-${randomBytes(4).toString("hex")}`.toLowerCase();
}

/** Ids as newId makes them; anything else (e.g. 300 characters) is simply not found, never an error. */
export function isRecordId(id: string): boolean {
  return /^[0-9a-z-]{1,64}$/.test(id);
}
