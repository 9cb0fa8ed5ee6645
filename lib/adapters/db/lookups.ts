/**
 * Runs and previews looked up by an id from a URL or a flag, on the caller's database or the process's:
 * a malformed id is simply not found, and runs whose replica died read as interrupted.
 */
import { dbOf } from "./index";
import type { Db } from "./open";
import { findPreview, type StoredPreview } from "./previews";
import { isRecordId } from "./record-id";
import type { ApplyRun } from "./run-records";
import { interruptStaleRuns } from "./run-updates";
import { findRun, lastAttachedParameterGroup, listRuns, RUN_STALE_AFTER_MS } from "./runs";
import type { TargetRef } from "@/lib/core/identity/identity";

/** The preview, unless the id is malformed, unknown or expired. */
export async function getPreview(id: string, opts: { db?: Db } = {}): Promise<StoredPreview | undefined> {
  if (!isRecordId(id)) return undefined;
  return findPreview(await dbOf(opts), id);
}

type ReadOptions = { db?: Db; staleAfterMs?: number };

/** Runs whose replica died are recorded as interrupted the first time anyone reads them. */
async function sweptDb(opts: ReadOptions): Promise<Db> {
  const db = await dbOf(opts);
  await interruptStaleRuns(db, new Date(Date.now() - (opts.staleAfterMs ?? RUN_STALE_AFTER_MS)));
  return db;
}

export async function getApplyRun(id: string, opts: ReadOptions = {}): Promise<ApplyRun | undefined> {
  if (!isRecordId(id)) return undefined;
  return findRun(await sweptDb(opts), id);
}

/** Every apply, newest first: who, when, which cluster, the plan, the outcome. */
export async function listApplyRuns(opts: ReadOptions & { limit?: number } = {}): Promise<ApplyRun[]> {
  return listRuns(await sweptDb(opts), { limit: opts.limit });
}

/** What drift repair re-attaches: the group the target's newest succeeded apply attached (runs.ts). */
export async function previousParameterGroup(
  ref: TargetRef,
  opts: { db?: Db } = {},
): Promise<string | undefined> {
  return lastAttachedParameterGroup(await dbOf(opts), ref);
}
