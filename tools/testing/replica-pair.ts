/**
 * Two app replicas on one real PostgreSQL and one sandbox, as two `npm start` containers behind a proxy
 * would run: the same session secret and database, each its own port and data directory. The browser
 * reaches both on 127.0.0.1, and cookies do not depend on the port, so a session made on one is sent to
 * the other exactly as through a proxy.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { demoServerEnv } from "@/lib/launch/launch-env";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { startReplica, type AppReplica } from "./app-replica";
import { freePortSync } from "./free-port";
import { startPostgres, type PostgresServer } from "./postgres-server";

export interface ReplicaPair {
  a: AppReplica;
  b: AppReplica;
  sandbox: RunningSandbox;
  databaseUrl: string;
  /** Rows of one SQL query on the shared database (the test's own connection). */
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Starts a fresh process in place of a replica that was killed or stopped (same port and settings). */
  restart(name: "a" | "b"): Promise<AppReplica>;
  close(): Promise<void>;
}

export interface ReplicaPairOptions {
  /** How long a modification stays `modifying` in the sandbox: long enough to kill a replica mid-apply. */
  applyDelayMs: number;
  /** Extra environment for both replicas (e.g. QUEUEREADY_AUDIT_INTERVAL, QUEUEREADY_WEBHOOK_URL). */
  env?: Record<string, string>;
}

export async function startReplicaPair(opts: ReplicaPairOptions): Promise<ReplicaPair> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  };
  try {
    const postgres: PostgresServer = await startPostgres();
    cleanups.push(() => postgres.stop());
    const databaseUrl = await postgres.createDatabase("queueready_replicas");
    const sandbox = await startSandbox({ port: 0, applyDelayMs: opts.applyDelayMs, seed: "default" });
    cleanups.push(() => sandbox.close());
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    cleanups.push(() => client.end());

    // One secret for both: a session signed by either replica must verify on the other.
    const secret = randomBytes(32).toString("base64url");
    const ports = { a: freePortSync(), b: freePortSync() };
    const dirs = { a: "", b: "" };
    const launch = (name: "a" | "b") => {
      dirs[name] ||= mkdtempSync(path.join(tmpdir(), `qr-replica-${name}-`));
      const env = {
        ...demoServerEnv(process.env, { port: ports[name], sandboxUrl: sandbox.url }),
        NEXTAUTH_SECRET: secret,
        DATABASE_URL: databaseUrl,
        QUEUEREADY_DATA_DIR: dirs[name],
        ...opts.env,
      };
      return startReplica({ name, port: ports[name], env });
    };
    cleanups.push(async () => {
      for (const dir of Object.values(dirs)) if (dir) rmSync(dir, { recursive: true, force: true });
    });
    // Both at once, as containers start: the migrations take a database lock, so one applies them.
    const [a, b] = await Promise.allSettled([launch("a"), launch("b")]);
    if (a.status === "rejected" || b.status === "rejected") {
      for (const s of [a, b]) if (s.status === "fulfilled") await s.value.stop();
      throw a.status === "rejected" ? a.reason : (b as PromiseRejectedResult).reason;
    }
    // Whichever process holds the name at the end is stopped (a restart replaces it).
    const replicas: Record<"a" | "b", AppReplica> = { a: a.value, b: b.value };
    cleanups.push(async () => void (await Promise.all([replicas.a.stop(), replicas.b.stop()])));

    return {
      get a() {
        return replicas.a;
      },
      get b() {
        return replicas.b;
      },
      sandbox,
      databaseUrl,
      query: async <T extends Record<string, unknown>>(sql: string, params?: unknown[]) =>
        (await client.query<T>(sql, params)).rows,
      restart: async (name) => {
        await replicas[name].stop();
        replicas[name] = await launch(name);
        return replicas[name];
      },
      close: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
