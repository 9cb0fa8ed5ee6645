/**
 * The session check against a real PostgreSQL server that stops and starts again: while it is down the
 * session is kept but grants nothing (a 503 upstream), and when it is back the same process checks
 * sessions again, a signed-out one included, without a restart.
 */
import bcrypt from "bcryptjs";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildAuthOptions } from "./options";
import { storeRevocations } from "./revocations";
import { DEFAULT_POOL } from "@/lib/adapters/db/config";
import { openDatabase, type Database } from "@/lib/adapters/db/open";
import { startPostgres, type PostgresServer } from "@/tools/testing/postgres-server";

let server: PostgresServer;
let database: Database;
beforeAll(async () => {
  server = await startPostgres();
  database = await openDatabase({
    kind: "postgres",
    url: await server.createDatabase(),
    dataDir: "",
    pool: { ...DEFAULT_POOL, connectTimeoutMs: 1_000, queryTimeoutMs: 2_000 },
  });
}, 60_000);
afterAll(async () => {
  await database?.close();
  await server?.stop();
});

it("keeps the session through an outage and checks it again once the server is back", async () => {
  const options = buildAuthOptions(
    {
      NEXTAUTH_SECRET: "s".repeat(32),
      QUEUEREADY_USERS: JSON.stringify([
        { username: "alice", role: "operator", passwordHash: bcrypt.hashSync("pw", 4) },
      ]),
    },
    { revocations: storeRevocations(async () => database.db) },
  );
  const now = Math.floor(Date.now() / 1000);
  const token: JWT = {
    name: "alice",
    role: "operator",
    sid: "s-1",
    provider: "oidc",
    iat: now,
    signedInAt: now,
  };
  const use = (t: JWT) => options.callbacks!.jwt!({ token: t, user: undefined as never, account: null });
  expect(await use(token)).not.toHaveProperty("unverified");
  await server.halt();
  expect(await use(token)).toMatchObject({ sid: "s-1", unverified: true });
  await server.restart();
  expect(await use(token)).not.toHaveProperty("unverified");
  await options.events!.signOut!({ token: { ...token, exp: now + 3600 }, session: undefined as never });
  await expect(use(token)).rejects.toThrow("Signed out.");
}, 60_000);
