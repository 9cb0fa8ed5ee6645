/**
 * The process's database: opened on first use (migrations applied, the old JSON files imported once) and
 * shared by every route and action of the server. Repositories take a `Db`, so tests pass their own.
 */
import { databaseConfigFromEnv } from "./config";
import type { Database, Db } from "./open";
import type { LegacyAccountSource } from "./json-import";
import { startDatabase } from "./start";

export { databaseConfigFromEnv, dataDirFromEnv, type DatabaseConfig } from "./config";
export { openDatabase, type Database, type Db } from "./open";

// On globalThis, not in a module variable: dev reloads and separate route bundles must share one embedded
// database, which only one opener per process may hold.
const KEY = Symbol.for("queueready.database");
const LEGACY_KEY = Symbol.for("queueready.legacy-account");
const slot = globalThis as unknown as Record<symbol, Promise<Database> | undefined>;
const legacySlot = globalThis as unknown as Record<symbol, LegacyAccountSource | undefined>;

/**
 * How the process learns the account of runs written before runs named one (its own credentials' account,
 * from STS). Entry points that know how to ask AWS set it before the database is first opened.
 */
export function setLegacyAccountSource(source: LegacyAccountSource): void {
  legacySlot[LEGACY_KEY] = source;
}

export function defaultDatabase(): Promise<Database> {
  slot[KEY] ??= startDatabase(databaseConfigFromEnv(), console.log, legacySlot[LEGACY_KEY]).catch(
    (err: unknown) => {
      slot[KEY] = undefined;
      throw err;
    },
  );
  return slot[KEY];
}

/** Closes the process's database if it was opened (a command line run, so its embedded files are free). */
export async function closeDefaultDatabase(): Promise<void> {
  const opened = slot[KEY];
  slot[KEY] = undefined;
  if (opened) await (await opened.catch(() => undefined))?.close();
}

/** The database a caller passed (tests, the CLI), else the process's own. */
export async function dbOf(opts: { db?: Db }): Promise<Db> {
  return opts.db ?? (await defaultDatabase()).db;
}
