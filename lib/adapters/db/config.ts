/**
 * Where the data lives: a PostgreSQL server when `DATABASE_URL` names one (several replicas share it),
 * else the embedded database in `QUEUEREADY_DATA_DIR` (default `.queueready/`), which one process owns.
 */
import path from "node:path";
import { z } from "zod";

/** How many connections a replica holds to a server, and how long a request may wait for one. */
export interface PoolSettings {
  max: number;
  /** Requests beyond this many waiting for a connection are refused at once (503), not queued. */
  maxWaiting: number;
  connectTimeoutMs: number;
  queryTimeoutMs: number;
}

/**
 * 20 connections per replica: a page needs one for a few milliseconds, and two replicas stay well under
 * PostgreSQL's default 100. A status page makes a handful of queries of a few milliseconds each, so the
 * queue holds 200 concurrent page loads' worth (1,000 queries, well under the 5 s connect timeout to
 * drain); beyond that a request would wait longer than a person does, so it is told to retry instead.
 */
export const DEFAULT_POOL: PoolSettings = {
  max: 20,
  maxWaiting: 1_000,
  connectTimeoutMs: 5_000,
  queryTimeoutMs: 30_000,
};

export type DatabaseConfig =
  | { kind: "postgres"; url: string; dataDir: string; pool?: PoolSettings }
  | { kind: "embedded"; dataDir: string }
  /** In memory, gone when closed: tests only. */
  | { kind: "memory" };

const urlSchema = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && /^postgres(ql)?:$/.test(new URL(v).protocol), {
    message: "DATABASE_URL must be a postgres:// (or postgresql://) URL.",
  });

export function dataDirFromEnv(env: Record<string, string | undefined> = process.env): string {
  // Runtime data, not a build input: without the hint Turbopack traces every file the path could name.
  return path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    env.QUEUEREADY_DATA_DIR?.trim() || ".queueready",
  );
}

const count = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number.` })
    .int(`${name} must be a whole number.`)
    .min(min, `${name} must be at least ${min}.`)
    .max(max, `${name} must be at most ${max}.`);

const poolSchema = z.object({
  QUEUEREADY_DB_POOL_MAX: count("QUEUEREADY_DB_POOL_MAX", 1, 500).default(DEFAULT_POOL.max),
  QUEUEREADY_DB_POOL_QUEUE: count("QUEUEREADY_DB_POOL_QUEUE", 0, 100_000).default(DEFAULT_POOL.maxWaiting),
});

/** The pool's size and queue from QUEUEREADY_DB_POOL_MAX and QUEUEREADY_DB_POOL_QUEUE; throws naming the variable. */
export function poolSettingsFromEnv(env: Record<string, string | undefined> = process.env): PoolSettings {
  const blankless = Object.fromEntries(
    ["QUEUEREADY_DB_POOL_MAX", "QUEUEREADY_DB_POOL_QUEUE"].map((k) => [k, env[k]?.trim() || undefined]),
  );
  const parsed = poolSchema.safeParse(blankless);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return {
    ...DEFAULT_POOL,
    max: parsed.data.QUEUEREADY_DB_POOL_MAX,
    maxWaiting: parsed.data.QUEUEREADY_DB_POOL_QUEUE,
  };
}

/** The configuration the environment asks for; throws a sentence naming the variable when it is malformed. */
export function databaseConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): Exclude<DatabaseConfig, { kind: "memory" }> {
  const dataDir = dataDirFromEnv(env);
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return { kind: "embedded", dataDir };
  const url = urlSchema.safeParse(raw);
  if (!url.success) throw new Error(url.error.issues[0]!.message);
  return { kind: "postgres", url: url.data, dataDir, pool: poolSettingsFromEnv(env) };
}
