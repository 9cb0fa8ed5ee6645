/**
 * A real PostgreSQL 15 server for tests: initdb in a temp dir, `postgres` on a free loopback port (its
 * socket in the same dir), stopped and deleted after. As root it runs as the `postgres` user (initdb
 * refuses root). Needs Debian's `postgresql` package (`.ci/run` installs it).
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { freePortSync } from "./free-port";

const run = promisify(execFile);
const BIN = process.env.QUEUEREADY_PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface PostgresServer {
  /** The server's admin URL (database `postgres`). */
  url: string;
  /** A new empty database on the server, for one test or one file. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server but keeps its data, as an outage would; `restart` brings it back on the same port. */
  halt(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/** As root, the `postgres` user's ids (initdb and postgres refuse root); otherwise our own. */
async function runAs(): Promise<{ uid: number; gid: number }> {
  if (!asRoot) return { uid: process.getuid!(), gid: process.getgid!() };
  const ids = await Promise.all(["-u", "-g"].map((flag) => run("id", [flag, "postgres"])));
  return { uid: Number(ids[0]!.stdout.trim()), gid: Number(ids[1]!.stdout.trim()) };
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}): ${log()}`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not start within 20 s: ${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startPostgres(): Promise<PostgresServer> {
  if (!existsSync(path.join(BIN, "initdb")))
    throw new Error(`PostgreSQL is not installed (${BIN}/initdb): apt-get install postgresql (see .ci/run).`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "qr-pg-"));
  const user = await runAs();
  await chown(dir, user.uid, user.gid);
  const data = path.join(dir, "data");
  await run(path.join(BIN, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"], {
    ...user,
    cwd: dir,
  });
  const port = freePortSync();
  // fsync off: a test server's data is thrown away, and syncing costs seconds on a shared disk.
  const args = [
    ...["-D", data, "-p", String(port), "-k", dir, "-h", "127.0.0.1"],
    ...["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
  ];
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stderr = "";
  let child!: ChildProcess;
  const spawnServer = async () => {
    child = spawn(path.join(BIN, "postgres"), args, {
      ...user,
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr!.on("data", (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
    try {
      await waitReady(url, child, () => stderr);
    } catch (err) {
      child.kill("SIGKILL");
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  };
  const halt = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT"); // PostgreSQL's "fast" shutdown
    await exited;
  };
  const stop = async () => {
    await halt();
    await rm(dir, { recursive: true, force: true });
  };
  await spawnServer();
  let count = 0;
  return {
    url,
    stop,
    halt,
    restart: async () => {
      await halt();
      await spawnServer();
    },
    createDatabase: async (name = `t${process.pid}_${++count}`) => {
      const admin = new Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name.replace(/[^a-z0-9_]/gi, "")}"`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
  };
}
