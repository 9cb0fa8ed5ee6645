/**
 * Apply runs and previews in the store: one file per run (`runs/<id>`) and per preview (`previews/<id>`),
 * so progress survives a reload and a restart, and the history is a directory listing.
 */
import { randomBytes } from "node:crypto";
import type { Plan } from "@/lib/plan";
import { defaultStore, type JsonStore } from "@/lib/store";
import { DEFAULTS, type ApplyOptions, type ApplyRun, type ApplyUser } from "@/lib/apply/types";

export interface StoredPreview {
  id: string;
  createdAt: string;
  user?: ApplyUser;
  plan: Plan;
}

/** Sortable by time, unique enough for one server: `20260115T120301-3f9a1c`. */
export function newId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "");
  return `${stamp}-${randomBytes(3).toString("hex")}`.toLowerCase();
}

export function storeOf(opts: Pick<ApplyOptions, "store">): JsonStore {
  return opts.store ?? defaultStore();
}

export async function savePreview(store: JsonStore, plan: Plan, user?: ApplyUser): Promise<StoredPreview> {
  const preview = { id: newId(), createdAt: new Date().toISOString(), user, plan };
  await store.write(`previews/${preview.id}`, preview);
  return preview;
}

/** Ids as newId makes them; anything else (e.g. 300 characters, too long for a file name) is simply not found. */
export function isRecordId(id: string): boolean {
  return /^[0-9a-z-]{1,64}$/.test(id);
}

export async function getPreview(store: JsonStore, id: string): Promise<StoredPreview | undefined> {
  if (!isRecordId(id)) return undefined;
  return (await store.read<StoredPreview | null>(`previews/${id}`, null)) ?? undefined;
}

export async function writeRun(store: JsonStore, run: ApplyRun): Promise<void> {
  await store.write(`runs/${run.id}`, run);
}

/** Applies `change` to the stored run and moves its heartbeat on. */
export async function updateRun(
  store: JsonStore,
  id: string,
  change: (run: ApplyRun) => void,
): Promise<ApplyRun> {
  return store.update<ApplyRun | null>(`runs/${id}`, null, (run) => {
    if (!run) throw new Error(`Apply run ${id} is not in the store.`);
    change(run);
    run.heartbeatAt = new Date().toISOString();
    return run;
  }) as Promise<ApplyRun>;
}

/** A running run whose heartbeat stopped (the server died mid-apply) reads as interrupted. */
function present(run: ApplyRun, staleAfterMs: number, now: Date): ApplyRun {
  if (run.status !== "running" || now.getTime() - Date.parse(run.heartbeatAt) <= staleAfterMs) return run;
  return {
    ...run,
    status: "interrupted",
    phase: "finished",
    message: `The server stopped while this apply was running (last sign of life ${run.heartbeatAt}). Steps marked done were applied; preview again to converge.`,
  };
}

export async function getApplyRun(
  id: string,
  opts: Pick<ApplyOptions, "store" | "staleAfterMs"> = {},
): Promise<ApplyRun | undefined> {
  if (!isRecordId(id)) return undefined;
  const run = await storeOf(opts).read<ApplyRun | null>(`runs/${id}`, null);
  return run ? present(run, opts.staleAfterMs ?? DEFAULTS.staleAfterMs, new Date()) : undefined;
}

/** Every apply, newest first: who, when, which cluster, the plan, the outcome. */
export async function listApplyRuns(
  opts: Pick<ApplyOptions, "store" | "staleAfterMs"> & { limit?: number } = {},
): Promise<ApplyRun[]> {
  const store = storeOf(opts);
  const keys = (await store.list("runs")).reverse().slice(0, opts.limit ?? Infinity);
  const runs = await Promise.all(keys.map((k) => store.read<ApplyRun | null>(k, null)));
  const now = new Date();
  return runs
    .filter((r): r is ApplyRun => r !== null)
    .map((r) => present(r, opts.staleAfterMs ?? DEFAULTS.staleAfterMs, now))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
