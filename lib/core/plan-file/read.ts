/**
 * Reading a plan file back, before anything is applied: it must parse, match the schema, carry its own
 * content hash, be recent enough and be for the account the credentials belong to. Each refusal says why.
 */
import { z } from "zod";
import { planFileSchema, type PlanFile } from "./format";
import { contentHash } from "./hash";

export const DEFAULT_MAX_AGE_MS = 24 * 60 * 60_000;
/** Clocks disagree a little between a CI runner and a laptop; more than this is not a clock. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export type ReadPlanFile = { ok: true; file: PlanFile } | { ok: false; reason: string };

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join(".") || "(top)"}: ${i.message}`)
    .join("; ");
}

/** Parses and checks the hash; says "malformed" or "edited" with the detail. */
export function parsePlanFile(text: string): ReadPlanFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `The plan file is malformed: it is not JSON (${(err as Error).message}).` };
  }
  const parsed = planFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `The plan file is malformed: ${issues(parsed.error)}.` };
  // The hash is over what the file says, not over what the schema kept: hash the raw document.
  const expected = contentHash(raw as PlanFile);
  if (expected !== parsed.data.hash) {
    return {
      ok: false,
      reason:
        "The plan file was changed after it was made: its content hash does not match. Make a new plan with `npm run plan`.",
    };
  }
  return { ok: true, file: parsed.data };
}

/** When the live facts behind the plan were read: its oldest target, or the file's own time. */
export function planAge(file: PlanFile, now: Date): number {
  const times = [file.createdAt, ...file.targets.map((t) => t.plan.computedFrom)].map((t) => Date.parse(t));
  return now.getTime() - Math.min(...times);
}

const hours = (ms: number) => `${Math.round((ms / 3_600_000) * 10) / 10} h`;

/**
 * Why this file must not be applied here and now, or undefined when it may. `accountId`: the one account the
 * credentials belong to; without it (multi-account apply) the caller checks each target's account itself.
 */
export function refusalOf(
  file: PlanFile,
  opts: { now: Date; maxAgeMs: number; accountId?: string },
): string | undefined {
  const age = planAge(file, opts.now);
  if (Date.parse(file.createdAt) - opts.now.getTime() > FUTURE_TOLERANCE_MS)
    return `The plan file says it was made at ${file.createdAt}, in the future: refusing it.`;
  if (age > opts.maxAgeMs)
    return `The plan is ${hours(age)} old, older than the ${hours(opts.maxAgeMs)} allowed: make a new plan.`;
  const others = file.accountIds.filter((a) => opts.accountId !== undefined && a !== opts.accountId);
  if (others.length > 0) {
    return `The plan is for account ${others.join(", ")}, but the credentials belong to account ${opts.accountId}: nothing was applied.`;
  }
  return undefined;
}
