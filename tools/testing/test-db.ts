/**
 * Databases for tests, on both backends the app supports: the embedded one (PGlite, in memory, started
 * from a migrated template so each costs ~0.4 s instead of a fresh initdb) and a real PostgreSQL server
 * started once per test file. `databasesPerFile()` registers the hooks; `open(kind)` gives a fresh,
 * migrated, empty database that the file's afterAll closes.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, type Database } from "@/lib/adapters/db/open";
import { migrateEmbedded, migrationsFolder } from "@/lib/adapters/db/migrate";
import { startPostgres, type PostgresServer } from "./postgres-server";

export const BACKENDS = ["embedded", "postgres"] as const;
export type Backend = (typeof BACKENDS)[number];

let template: Promise<Blob> | undefined;

/** The migrations' fingerprint: a cached template is reused only while the schema is the same. */
async function migrationsHash(): Promise<string> {
  const hash = createHash("sha256");
  const journal = path.join(migrationsFolder(), "meta", "_journal.json");
  hash.update(await readFile(journal));
  for (const name of (await readdir(migrationsFolder())).filter((n) => n.endsWith(".sql")).sort())
    hash.update(await readFile(path.join(migrationsFolder(), name)));
  return hash.digest("hex").slice(0, 16);
}

/** initdb in WASM takes seconds, so the migrated data directory is cached on disk across test files. */
async function buildTemplate(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `queueready-pglite-${await migrationsHash()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const client = await PGlite.create();
    await migrateEmbedded(client);
    const dump = await client.dumpDataDir("none");
    await client.close();
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, Buffer.from(await dump.arrayBuffer()));
    await rename(temp, file);
    return dump;
  }
}

/** A fresh in-memory embedded database with the schema applied. */
export async function memoryDatabase(): Promise<Database> {
  template ??= buildTemplate();
  return openDatabase({ kind: "memory" }, { template: await template });
}

export interface TestDatabases {
  open(kind: Backend): Promise<Database>;
  /** The server (started on first use), e.g. for a second app process on the same database. */
  server(): Promise<PostgresServer>;
}

export function databasesPerFile(): TestDatabases {
  let server: Promise<PostgresServer> | undefined;
  const opened: Database[] = [];
  const serverOnce = () => (server ??= startPostgres());
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close().catch(() => undefined)));
    if (server) await (await server).stop();
  });
  return {
    server: serverOnce,
    open: async (kind) => {
      const database =
        kind === "embedded"
          ? await memoryDatabase()
          : await openDatabase({
              kind: "postgres",
              url: await (await serverOnce()).createDatabase(),
              dataDir: "",
            });
      opened.push(database);
      return database;
    },
  };
}

/** Starts the file's PostgreSQL server before the first test, so its ~2 s is not charged to one test. */
export function warmUp(dbs: TestDatabases): void {
  beforeAll(
    async () => void (await Promise.all([dbs.server(), memoryDatabase().then((d) => d.close())])),
    120_000,
  );
}
