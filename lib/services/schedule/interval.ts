/**
 * `QUEUEREADY_AUDIT_INTERVAL`: how often every account and region is audited in the background.
 * `15m` by default; `10s` to `24h` as `<n>s|m|h`; `off` for none (the end-to-end tests count AWS calls).
 */
import { z } from "zod";

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;
export const MIN_INTERVAL_MS = 10_000;
const MAX_INTERVAL_MS = 24 * 3_600_000;
export const DEFAULT_INTERVAL_MS = 15 * 60_000;

const intervalSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(off|\d{1,6}[smh])$/, "QUEUEREADY_AUDIT_INTERVAL must look like 10s, 15m or 1h (or off).")
  .transform((v) => (v === "off" ? null : Number(v.slice(0, -1)) * UNIT_MS[v.at(-1) as keyof typeof UNIT_MS]))
  .refine((ms) => ms === null || (ms >= MIN_INTERVAL_MS && ms <= MAX_INTERVAL_MS), {
    message: "QUEUEREADY_AUDIT_INTERVAL must be between 10s and 24h (or off).",
  });

/** The interval in ms, or null for off; throws a sentence naming the variable when it is malformed. */
export function auditIntervalFromEnv(env: Record<string, string | undefined> = process.env): number | null {
  const raw = env.QUEUEREADY_AUDIT_INTERVAL;
  if (raw === undefined || raw.trim() === "") return DEFAULT_INTERVAL_MS;
  const parsed = intervalSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return parsed.data;
}
