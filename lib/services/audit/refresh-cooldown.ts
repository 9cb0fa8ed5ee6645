/**
 * The Refresh cooldown: a viewer may start a new audit only once the last finished one is at least
 * `QUEUEREADY_REFRESH_MIN_AGE_SECONDS` old (default 30, 0 for none), so clicking Refresh again and again
 * cannot spend every account's AWS API rate. Pure: the caller reads the last audit and the clock.
 */
import { z } from "zod";

export const DEFAULT_REFRESH_MIN_AGE_SECONDS = 30;
const MAX_REFRESH_MIN_AGE_SECONDS = 24 * 3600;

const minAgeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,6}$/, "QUEUEREADY_REFRESH_MIN_AGE_SECONDS must be a whole number of seconds (0 for none).")
  .transform(Number)
  .refine((s) => s <= MAX_REFRESH_MIN_AGE_SECONDS, {
    message: "QUEUEREADY_REFRESH_MIN_AGE_SECONDS must be between 0 and 86400.",
  });

/** The minimum age in ms; throws a sentence naming the variable when it is malformed. */
export function refreshMinAgeFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.QUEUEREADY_REFRESH_MIN_AGE_SECONDS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_REFRESH_MIN_AGE_SECONDS * 1000;
  const parsed = minAgeSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return parsed.data * 1000;
}

export type RefreshDecision = { allowed: true } | { allowed: false; allowedAt: Date; message: string };

const clock = (d: Date) => `${d.toISOString().slice(11, 19)} UTC`;

/** Whether a Refresh may start now, given when the last audit (scheduled or manual) finished. */
export function refreshDecision(input: {
  lastFinishedAt: Date | undefined;
  now: Date;
  minAgeMs: number;
}): RefreshDecision {
  const { lastFinishedAt, now, minAgeMs } = input;
  if (!lastFinishedAt || minAgeMs <= 0) return { allowed: true };
  const allowedAt = new Date(lastFinishedAt.getTime() + minAgeMs);
  const waitMs = allowedAt.getTime() - now.getTime();
  if (waitMs <= 0) return { allowed: true };
  const ageS = Math.max(0, Math.floor((now.getTime() - lastFinishedAt.getTime()) / 1000));
  const waitS = Math.ceil(waitMs / 1000);
  return {
    allowed: false,
    allowedAt,
    message:
      `The last audit finished ${ageS} s ago, so this page is current: Refresh is allowed again at ` +
      `${clock(allowedAt)} (in ${waitS} s).`,
  };
}
