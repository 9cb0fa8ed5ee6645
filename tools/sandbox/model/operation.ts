/**
 * The shape every sandbox operation has: it reads the parsed form, mutates the region's state and
 * returns the XML body (the inside of `<XResult>` for ElastiCache, the response members for EC2).
 */
import type { FormNode } from "@/tools/sandbox/protocol/query-form";
import type { EventState, RegionState } from "./state";

export interface OpContext {
  region: RegionState;
  params: FormNode;
  now: number;
  applyDelayMs: number;
}

export interface Operation {
  run(ctx: OpContext): string | undefined;
  /** Writes are persisted and, for EC2, honour DryRun. */
  write: boolean;
}

export type OperationTable = Record<string, Operation>;

export const read = (run: Operation["run"]): Operation => ({ run, write: false });
export const write = (run: Operation["run"]): Operation => ({ run, write: true });

/** Events are kept for 14 days, as ElastiCache keeps them. */
const EVENT_RETENTION_MS = 14 * 24 * 3600 * 1000;

export function recordEvent(
  ctx: OpContext,
  sourceType: EventState["sourceType"],
  sourceId: string,
  message: string,
): void {
  ctx.region.events.push({ sourceType, sourceId, message, date: ctx.now });
  ctx.region.events = ctx.region.events.filter((e) => e.date > ctx.now - EVENT_RETENTION_MS);
}
