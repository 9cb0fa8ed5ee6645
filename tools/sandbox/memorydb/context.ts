/** What a MemoryDB operation gets: the caller's region, the parsed JSON body and the sandbox clock. */
import { SandboxError } from "@/tools/sandbox/errors";
import type { RegionState } from "@/tools/sandbox/model/state";
import type { Body } from "./input";
import { memoryDbOf, type MemoryDbEventState, type MemoryDbState } from "./state";

export interface MemoryDbContext {
  region: RegionState;
  body: Body;
  now: number;
  applyDelayMs: number;
}

export interface MemoryDbOperation {
  run(ctx: MemoryDbContext): unknown;
  write: boolean;
}

export const readOp = (run: MemoryDbOperation["run"]): MemoryDbOperation => ({ run, write: false });
export const writeOp = (run: MemoryDbOperation["run"]): MemoryDbOperation => ({ run, write: true });

export const db = (ctx: MemoryDbContext): MemoryDbState => memoryDbOf(ctx.region);

/** Events are kept for 14 days, as MemoryDB keeps them. */
const EVENT_RETENTION_MS = 14 * 24 * 3600 * 1000;

export function recordMemoryDbEvent(
  ctx: MemoryDbContext,
  sourceType: MemoryDbEventState["sourceType"],
  sourceName: string,
  message: string,
): void {
  const state = db(ctx);
  state.events.push({ sourceType, sourceName, message, date: ctx.now });
  state.events = state.events.filter((e) => e.date > ctx.now - EVENT_RETENTION_MS);
}

export function clusterOf(ctx: MemoryDbContext, name: string) {
  const cluster = db(ctx).clusters.find((c) => c.name === name);
  if (!cluster) throw new SandboxError("ClusterNotFoundFault", `Cluster ${name} not found.`, 400);
  return cluster;
}

export function parameterGroupOf(ctx: MemoryDbContext, name: string) {
  const group = db(ctx).parameterGroups.find((g) => g.name === name.toLowerCase());
  if (!group)
    throw new SandboxError("ParameterGroupNotFoundFault", `Parameter group ${name} not found.`, 400);
  return group;
}
