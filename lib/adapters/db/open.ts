/**
 * Opens the database the configuration names and brings its schema up to date before anyone uses it.
 * Both backends speak PostgreSQL, so the same Drizzle schema, queries and migrations serve both.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { DEFAULT_POOL, type DatabaseConfig, type PoolSettings } from "./config";
import { EmbeddedDatabaseBusyError, lockEmbedded } from "./embedded-lock";
import { SHARE_PORT, shareDirOf, shareEmbedded, shareSocketOf } from "./embedded-share";
import { migrateEmbedded, migrateServer } from "./migrate";
import { serverPool } from "./server-pool";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database or a transaction on it: what every repository function takes. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly kind: DatabaseConfig["kind"];
  readonly db: Db;
  /** Resolves when the database answers a query (the readiness check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** An already migrated embedded data directory to start from (tests: 0.4 s instead of a fresh initdb). */
  template?: Blob;
}

async function openEmbedded(dataDir: string | undefined, opts: OpenOptions): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true, mode: 0o700 });
  let unlock: () => Promise<void> = async () => undefined;
  if (dataDir) {
    try {
      unlock = await lockEmbedded(dataDir);
    } catch (err) {
      // Held by a live process (the app): use it through the socket it shares, when it shares one.
      if (err instanceof EmbeddedDatabaseBusyError && existsSync(shareSocketOf(dataDir)))
        return openShared(dataDir);
      throw err;
    }
  }
  let client: PGlite | undefined;
  let share: { close(): Promise<void> } | undefined;
  try {
    client = await PGlite.create({ dataDir, loadDataDir: opts.template });
    await migrateEmbedded(client);
    // Best effort: without the socket (a data directory path too long for one, say) the app still runs,
    // and a second process is refused as before, with the way out in its message.
    if (dataDir)
      share = await shareEmbedded(client, dataDir).catch((err: unknown) => {
        console.warn(
          `The embedded database is not shared with other commands: ${err instanceof Error ? err.message : String(err)}`,
        );
        return undefined;
      });
  } catch (err) {
    await client?.close().catch(() => undefined);
    await unlock();
    throw err;
  }
  const opened = client;
  const db = drizzlePglite({ client: opened, schema }) as unknown as Db;
  return {
    kind: dataDir ? "embedded" : "memory",
    db,
    ping: async () => void (await opened.query("select 1")),
    close: async () => {
      await share?.close();
      await opened.close();
      await unlock();
    },
  };
}

/**
 * The embedded database another process of this user holds, through its socket (embedded-share.ts). Its
 * holder migrated it; a few connections are plenty for a command line run.
 */
async function openShared(dataDir: string): Promise<Database> {
  const pool = new Pool({
    host: shareDirOf(dataDir),
    port: SHARE_PORT,
    user: "postgres",
    database: "postgres",
    max: 2,
    connectionTimeoutMillis: 5_000,
  });
  pool.on("error", () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  try {
    await db.execute(sql`select 1`);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    kind: "embedded",
    db,
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => pool.end(),
  };
}

async function openServer(url: string, settings: PoolSettings): Promise<Database> {
  // Short timeouts and a bounded queue: a server that does not answer fails the readiness check and
  // answers 503, it does not hang a page.
  const pool = serverPool(url, settings);
  try {
    await migrateServer(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => pool.end(),
  };
}

export async function openDatabase(config: DatabaseConfig, opts: OpenOptions = {}): Promise<Database> {
  if (config.kind === "postgres") return openServer(config.url, config.pool ?? DEFAULT_POOL);
  return openEmbedded(config.kind === "embedded" ? path.join(config.dataDir, "pglite") : undefined, opts);
}
