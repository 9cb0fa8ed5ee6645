/**
 * Reading a plan file back, before anything is applied: it must be small and shallow enough to read, parse,
 * match the schema, name each target once and only in its own accounts, carry its own content hash, be
 * signed with the shared key (or explicitly allowed unsigned), be recent enough and be for the account the
 * credentials belong to. Each refusal is one line saying why.
 */
import { z } from "zod";
import { targetKey } from "@/lib/core/identity/identity";
import { planFileSchema, type PlanFile } from "./format";
import { contentHash } from "./hash";
import { ALLOW_UNSIGNED_FLAG, signatureMatches, SIGNING_KEY_VARIABLE, type PlanSigningKey } from "./signing";

export const DEFAULT_MAX_AGE_MS = 24 * 60 * 60_000;
/** Clocks disagree a little between a CI runner and a laptop; more than this is not a clock. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** A target takes about 13 kB pretty-printed: MAX_TARGETS of them fit in 5 MB. */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;
/** Deepest nesting of objects and arrays a plan file has is about 10; deeper is not a plan file. */
export const MAX_PLAN_FILE_DEPTH = 64;

export type ReadPlanFile = { ok: true; file: PlanFile; signed: boolean } | { ok: false; reason: string };

/**
 * What the reader trusts: the key (QUEUEREADY_PLAN_SIGNING_KEY) a file must be signed with; without a key,
 * an unsigned file only with `allowUnsigned` (apply's --insecure-allow-unsigned-plan). With a key,
 * `allowUnsigned` changes nothing: an unsigned file is refused.
 */
export type PlanTrust = { key?: PlanSigningKey; allowUnsigned?: boolean };

const malformed = (detail: string) => ({
  ok: false as const,
  reason: `The plan file is malformed: ${detail}.`,
});

/** Printable ASCII only, short: a reason is one line whatever bytes the file held. */
function oneLine(text: string, max = 160): string {
  const clean = text.replace(/[^\x20-\x7e]+/g, "?");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

function issues(error: z.ZodError): string {
  return oneLine(
    error.issues
      .slice(0, 3)
      .map((i) => `${i.path.map(String).join(".") || "(top)"}: ${i.message}`)
      .join("; "),
    400,
  );
}

/**
 * How deep objects and arrays nest in `text`, stopping as soon as it passes `limit`: one pass, no
 * recursion, so a hostile nesting is measured before JSON.parse, the schema or canonicalize recurse on it.
 */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** A target listed twice, or in an account the file does not list: the file does not hold together. */
function inconsistency(file: PlanFile): string | undefined {
  if (file.targets.length > 0 && file.accountIds.length === 0)
    return "accountIds is empty but the file holds targets";
  const accounts = new Set(file.accountIds);
  const seen = new Set<string>();
  for (const [i, { plan }] of file.targets.entries()) {
    const t = plan.target;
    if (!accounts.has(t.accountId))
      return `targets.${i} (${t.id}) is in account ${t.accountId}, which accountIds does not list`;
    const key = targetKey(t);
    if (seen.has(key)) return `targets.${i} (${t.id}) is listed twice`;
    seen.add(key);
  }
  for (const [i, n] of file.notPlanned.entries())
    if (!accounts.has(n.accountId))
      return `notPlanned.${i} (${n.id}) is in account ${n.accountId}, which accountIds does not list`;
  return undefined;
}

function signatureRefusal(file: PlanFile, raw: object, trust: PlanTrust): string | undefined {
  const { key } = trust;
  if (file.signature === undefined) {
    if (key)
      return `The plan file is not signed, and ${SIGNING_KEY_VARIABLE} is set: refusing it. Make the plan with the key set (\`npm run plan\` or the app).`;
    if (!trust.allowUnsigned)
      return `The plan file is not signed and ${SIGNING_KEY_VARIABLE} is not set: refusing it. Set the key on both sides, or pass ${ALLOW_UNSIGNED_FLAG} to apply a file anyone could have written.`;
    return undefined;
  }
  if (!key)
    return `The plan file is signed but ${SIGNING_KEY_VARIABLE} is not set: set it to the key the plan was made with.`;
  if (!signatureMatches(raw, file.signature, key))
    return `The plan file's signature does not match: it was changed after it was signed, or signed with another key than ${SIGNING_KEY_VARIABLE}. Nothing was applied.`;
  return undefined;
}

/** Parses and checks the file; says "malformed", "edited" or what is wrong with its signature. */
export function parsePlanFile(text: string, trust: PlanTrust): ReadPlanFile {
  // Cheap bounds first: a UTF-16 unit is at most 3 UTF-8 bytes, so most texts skip the exact count.
  if (text.length > MAX_PLAN_FILE_BYTES / 3 && Buffer.byteLength(text, "utf8") > MAX_PLAN_FILE_BYTES)
    return malformed(`it is larger than ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB`);
  if (nestingDepth(text, MAX_PLAN_FILE_DEPTH) > MAX_PLAN_FILE_DEPTH)
    return malformed(`it nests deeper than ${MAX_PLAN_FILE_DEPTH} levels`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return malformed(`it is not JSON (${oneLine((err as Error).message)})`);
  }
  const parsed = planFileSchema.safeParse(raw);
  if (!parsed.success) return malformed(issues(parsed.error));
  const wrong = inconsistency(parsed.data);
  if (wrong) return malformed(oneLine(wrong, 400));
  // The hash is over what the file says, not over what the schema kept: hash the raw document.
  const expected = contentHash(raw as PlanFile);
  if (expected !== parsed.data.hash) {
    return {
      ok: false,
      reason:
        "The plan file was changed after it was made: its content hash does not match. Make a new plan with `npm run plan`.",
    };
  }
  const refusal = signatureRefusal(parsed.data, raw as object, trust);
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, file: parsed.data, signed: parsed.data.signature !== undefined };
}

/** When the live facts behind the plan were read: its oldest target, or the file's own time. */
export function planAge(file: PlanFile, now: Date): number {
  const times = [file.createdAt, ...file.targets.map((t) => t.plan.computedFrom)].map((t) => Date.parse(t));
  return now.getTime() - Math.min(...times);
}

/** An age or limit in the unit a person reads it in: `1.5 h`, `12 min`, `40 s`, `0.001 s`. */
export function readableDuration(ms: number): string {
  if (ms >= 3_600_000) return `${Math.round((ms / 3_600_000) * 10) / 10} h`;
  if (ms >= 60_000) return `${Math.round((ms / 60_000) * 10) / 10} min`;
  return `${Number((ms / 1000).toPrecision(2))} s`;
}

const hours = readableDuration;

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
