/**
 * Where the data lives: a PostgreSQL server when `DATABASE_URL` names one (several replicas share it),
 * else the embedded database in `QUEUEREADY_DATA_DIR` (default `.queueready/`), which one process owns.
 */
import path from "node:path";
import { z } from "zod";

export type DatabaseConfig =
  | { kind: "postgres"; url: string; dataDir: string }
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

/** The configuration the environment asks for; throws a sentence naming the variable when it is malformed. */
export function databaseConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): Exclude<DatabaseConfig, { kind: "memory" }> {
  const dataDir = dataDirFromEnv(env);
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return { kind: "embedded", dataDir };
  const url = urlSchema.safeParse(raw);
  if (!url.success) throw new Error(url.error.issues[0]!.message);
  return { kind: "postgres", url: url.data, dataDir };
}
