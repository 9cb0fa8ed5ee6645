/**
 * Against a real PostgreSQL server that is stopped and started again: an outage is told apart from a
 * query's answer, the pool's queue is bounded, and the pool recovers by itself when the server is back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { isDatabaseUnavailable, noteDatabaseAnswered, recentDatabaseOutage } from "./availability";
import { DEFAULT_POOL } from "./config";
import { openDatabase, type Database } from "./open";
import { serverPool } from "./server-pool";
import { startPostgres, type PostgresServer } from "@/tools/testing/postgres-server";

let server: PostgresServer;
let url: string;
beforeAll(async () => {
  server = await startPostgres();
  url = await server.createDatabase();
}, 60_000);
afterAll(() => server?.stop());

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => err,
  );

describe("a stopped database server", () => {
  let database: Database;
  afterAll(() => database?.close());

  it("reads as unavailable (not as an answer) while down, and answers again once it is back", async () => {
    database = await openDatabase({
      kind: "postgres",
      url,
      dataDir: "",
      pool: { ...DEFAULT_POOL, connectTimeoutMs: 1_000, queryTimeoutMs: 2_000 },
    });
    await database.db.execute(sql`select 1`);
    noteDatabaseAnswered();
    await server.halt();
    const started = Date.now();
    const err = await failureOf(database.db.execute(sql`select 1`));
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(recentDatabaseOutage()).not.toBeNull();
    await server.restart();
    // The same pool, nobody restarting the app: the next query is served.
    await expect(database.db.execute(sql`select 1 as one`)).resolves.toBeTruthy();
    expect(recentDatabaseOutage()).toBeNull();
  }, 60_000);
});

describe("the pool's wait queue", () => {
  it("refuses requests beyond its bound at once instead of letting them time out", async () => {
    const pool = serverPool(url, { ...DEFAULT_POOL, max: 1, maxWaiting: 1, connectTimeoutMs: 10_000 });
    try {
      const held = await pool.connect();
      const waiting = pool.query("select 1");
      const started = Date.now();
      const refused = await failureOf(pool.query("select 1"));
      expect(Date.now() - started).toBeLessThan(500);
      expect(isDatabaseUnavailable(refused)).toBe(true);
      expect((refused as { retryAfterS?: number }).retryAfterS).toBe(1);
      // Load is not an outage: the proxy goes on letting requests through.
      expect(recentDatabaseOutage()).toBeNull();
      held.release();
      await expect(waiting).resolves.toMatchObject({ rowCount: 1 });
    } finally {
      await pool.end();
    }
  }, 30_000);
});
