/**
 * The database of the load benchmark's replicas: one replica runs as `npm start` does by default (the
 * embedded database in its data directory); several share a PostgreSQL server started for the run, as
 * replicas must. Every data directory handed out is removed at stop.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface LoadDatabase {
  kind: "embedded" | "postgres";
  /** Environment for every replica (DATABASE_URL when shared). */
  env: Record<string, string>;
  /** A fresh data directory for one replica. */
  dataDir(): string;
  stop(): Promise<void>;
}

export async function startLoadDatabase(replicas: number, postgres = false): Promise<LoadDatabase> {
  const dirs: string[] = [];
  const dataDir = () => {
    dirs.push(mkdtempSync(path.join(tmpdir(), "qr-bench-load-")));
    return dirs[dirs.length - 1]!;
  };
  const removeDirs = () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  if (replicas === 1 && !postgres)
    return { kind: "embedded", env: {}, dataDir, stop: async () => removeDirs() };
  const { startPostgres } = await import("@/tools/testing/postgres-server");
  const server = await startPostgres();
  const url = await server.createDatabase("queueready_bench");
  return {
    kind: "postgres",
    env: { DATABASE_URL: url },
    dataDir,
    stop: async () => {
      await server.stop();
      removeDirs();
    },
  };
}
