/**
 * Apply runs and previews in the database (lib/db), so progress survives a reload, a restart and a
 * replica's death, and the history is a query. A run whose replica died (heartbeat older than one lease
 * period) is recorded as interrupted the first time anyone reads it.
 */
import { randomBytes } from "node:crypto";
import type { Plan } from "@/lib/core/plan";
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import { findPreview, insertPreview, type StoredPreview } from "@/lib/adapters/db/previews";
import { interruptStaleRuns, updateRun as updateStoredRun } from "@/lib/adapters/db/run-updates";
import { findRun, insertRun, listRuns } from "@/lib/adapters/db/runs";
import { DEFAULTS, type ApplyOptions, type ApplyRun, type ApplyUser } from "./types";

export type { StoredPreview } from "@/lib/adapters/db/previews";

/** Sortable by time, random enough for many replicas: `20260115T120301-3f9a1c8e`. */
export function newId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "");
  return `${stamp}-${randomBytes(4).toString("hex")}`.toLowerCase();
}

export async function dbOf(opts: Pick<ApplyOptions, "db">): Promise<Db> {
  return opts.db ?? (await defaultDatabase()).db;
}

export async function savePreview(db: Db, plan: Plan, user?: ApplyUser): Promise<StoredPreview> {
  return insertPreview(db, { id: newId(), plan, user });
}

/** Ids as newId makes them; anything else (e.g. 300 characters) is simply not found, never an error. */
export function isRecordId(id: string): boolean {
  return /^[0-9a-z-]{1,64}$/.test(id);
}

/** The preview, unless the id is malformed, unknown or expired. */
export async function getPreview(
  id: string,
  opts: Pick<ApplyOptions, "db"> = {},
): Promise<StoredPreview | undefined> {
  if (!isRecordId(id)) return undefined;
  return findPreview(await dbOf(opts), id);
}

export async function writeRun(db: Db, run: ApplyRun): Promise<void> {
  await insertRun(db, run);
}

/** Applies `change` to the stored run; `touch` moves its heartbeat on (the running apply's writes). */
export async function updateRun(
  db: Db,
  id: string,
  change: (run: ApplyRun) => void,
  touch = true,
): Promise<ApplyRun> {
  return (await updateStoredRun(db, id, change, { touch }))!;
}

async function sweep(db: Db, opts: Pick<ApplyOptions, "staleAfterMs">): Promise<void> {
  await interruptStaleRuns(db, new Date(Date.now() - (opts.staleAfterMs ?? DEFAULTS.staleAfterMs)));
}

export async function getApplyRun(
  id: string,
  opts: Pick<ApplyOptions, "db" | "staleAfterMs"> = {},
): Promise<ApplyRun | undefined> {
  if (!isRecordId(id)) return undefined;
  const db = await dbOf(opts);
  await sweep(db, opts);
  return findRun(db, id);
}

/** Every apply, newest first: who, when, which cluster, the plan, the outcome. */
export async function listApplyRuns(
  opts: Pick<ApplyOptions, "db" | "staleAfterMs"> & { limit?: number } = {},
): Promise<ApplyRun[]> {
  const db = await dbOf(opts);
  await sweep(db, opts);
  return listRuns(db, { limit: opts.limit });
}
