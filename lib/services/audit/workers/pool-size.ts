/**
 * QUEUEREADY_AUDIT_WORKERS: how many worker threads the app's audits run on. Checked at start (a typo stops
 * `npm start`, as other settings do) and read when the first audit starts the pool.
 */
import os from "node:os";
import { z } from "zod";

type Env = Readonly<Record<string, string | undefined>>;

const WORKERS_MESSAGE = "QUEUEREADY_AUDIT_WORKERS must be a whole number from 1 to 16.";
const workersSchema = z
  .string()
  .regex(/^\d{1,2}$/, WORKERS_MESSAGE)
  .transform(Number)
  .refine((n) => n >= 1 && n <= 16, WORKERS_MESSAGE);

/** The pool's size: QUEUEREADY_AUDIT_WORKERS, else one per core (at most 4); throws a sentence when malformed. */
export function auditWorkersFromEnv(env: Env): number {
  const raw = env.QUEUEREADY_AUDIT_WORKERS?.trim();
  if (!raw) return Math.min(4, Math.max(1, os.availableParallelism()));
  const parsed = workersSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return parsed.data;
}
