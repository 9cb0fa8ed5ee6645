import bcrypt from "bcryptjs";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildAuthOptions } from "./options";
import { storeRevocations } from "./revocations";
import type { Database } from "@/lib/adapters/db";
import { memoryDatabase } from "@/tools/testing/test-db";

const hash = bcrypt.hashSync("pw", 4);
let dir: string;
let usersFile: string;
let options: AuthOptions;
let bump = 0;
let database: Database;
// The first embedded database of a run builds the migrated template (seconds of WASM initdb).
beforeAll(async () => {
  database = await memoryDatabase();
}, 120_000);
afterAll(() => database.close());

function writeUsers(users: { username: string; role: string; accounts?: string[] }[]) {
  writeFileSync(usersFile, JSON.stringify(users.map((u) => ({ ...u, passwordHash: hash }))));
  // A distinct modification time, as a later edit would have, however fast the test runs.
  const t = new Date(Date.now() + ++bump * 1000);
  utimesSync(usersFile, t, t);
}

async function signIn(name: string, role: "viewer" | "operator", provider = "credentials"): Promise<JWT> {
  const token = await options.callbacks!.jwt!({
    token: { name },
    user: { id: name, name, role },
    account: { provider, type: "credentials", providerAccountId: name },
  });
  // As next-auth decodes it from the cookie: issued now, expiring with the session.
  const now = Math.floor(Date.now() / 1000);
  return { ...token, iat: now, exp: now + 3600 };
}

const use = (token: JWT) => options.callbacks!.jwt!({ token, user: undefined as never, account: null });

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "qr-session-"));
  usersFile = path.join(dir, "users.json");
  writeUsers([
    { username: "alice", role: "operator" },
    { username: "bob", role: "viewer" },
  ]);
  options = buildAuthOptions(
    { NEXTAUTH_SECRET: "s".repeat(32), QUEUEREADY_USERS_FILE: usersFile },
    { revocations: storeRevocations(async () => database.db) },
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("sessions are checked on each request", () => {
  it("keeps a configured user's session, with the role from the configuration", async () => {
    const token = await signIn("alice", "operator");
    expect(await use(token)).toMatchObject({ name: "alice", role: "operator" });
  });

  it("applies a changed role on the next request", async () => {
    const token = await signIn("alice", "operator");
    writeUsers([
      { username: "alice", role: "viewer" },
      { username: "bob", role: "viewer" },
    ]);
    expect(await use(token)).toMatchObject({ name: "alice", role: "viewer" });
  });

  it("applies an account limit added or lifted in the configuration on the next request", async () => {
    const token = await signIn("alice", "operator");
    writeUsers([{ username: "alice", role: "operator", accounts: ["210987654321"] }]);
    const limited = await use(token);
    expect(limited).toMatchObject({ role: "operator", accounts: ["210987654321"] });
    expect(options.callbacks!.session!({ session: { expires: "" }, token: limited } as never)).toMatchObject({
      user: { name: "alice", role: "operator", accounts: ["210987654321"] },
    });
    writeUsers([{ username: "alice", role: "admin" }]);
    const lifted = await use(limited);
    expect(lifted).toMatchObject({ role: "admin" });
    expect(lifted.accounts).toBeUndefined();
  });

  it("ends the session of a user removed from the configuration", async () => {
    const token = await signIn("bob", "viewer");
    writeUsers([{ username: "alice", role: "operator" }]);
    await expect(use(token)).rejects.toThrow("The user is no longer configured.");
    await expect(use(await signIn("alice", "operator"))).resolves.toMatchObject({ role: "operator" });
  });

  it("refuses a signed-out token, and only that one", async () => {
    const token = await signIn("alice", "operator");
    const other = await signIn("alice", "operator");
    await options.events!.signOut!({ token, session: undefined as never });
    await expect(use(token)).rejects.toThrow("Signed out.");
    await expect(use(other)).resolves.toMatchObject({ name: "alice" });
  });

  it("ends a session signed in more than 8 hours ago, however recently its token was re-issued", async () => {
    const token = await signIn("alice", "operator");
    const hour = 3600;
    const now = Math.floor(Date.now() / 1000);
    // Issued 9 hours ago, with next-auth's default 30-day expiry still ahead of it.
    const issuedLongAgo = {
      ...token,
      iat: now - 9 * hour,
      signedInAt: now - 9 * hour,
      exp: now + 30 * 24 * hour,
    };
    await expect(use(issuedLongAgo)).rejects.toThrow(/older than 8 hours/);
    // Re-issued a minute ago (each session read re-issues it), but the sign-in was 9 hours ago.
    await expect(use({ ...token, signedInAt: now - 9 * hour })).rejects.toThrow(/older than 8 hours/);
    await expect(use({ ...token, iat: now + hour })).rejects.toThrow(/iat is in the future/);
    const noSignIn = { ...token, signedInAt: undefined };
    await expect(use(noSignIn)).rejects.toThrow(/has no signedInAt/);
    expect(await use({ ...token, iat: now - 7 * hour, signedInAt: now - 7 * hour })).toMatchObject({
      name: "alice",
    });
  });

  it("sets the token's own lifetime to the session's, not next-auth's 30 days", () => {
    expect(options.session?.maxAge).toBe(8 * 3600);
    expect(options.jwt?.maxAge).toBe(8 * 3600);
  });

  it("refuses a token without a session id (made before ids existed)", async () => {
    await expect(use({ name: "alice", role: "operator" })).rejects.toThrow("predates session ids");
  });

  it("keeps a single sign-on user's role from the identity provider", async () => {
    const token = await signIn("carol@example.com", "operator", "oidc");
    expect(await use(token)).toMatchObject({ name: "carol@example.com", role: "operator" });
  });

  it("keeps the session, grants nothing and says so when the database does not answer", async () => {
    const token = await signIn("alice", "operator");
    const down = buildAuthOptions(
      { NEXTAUTH_SECRET: "s".repeat(32), QUEUEREADY_USERS_FILE: usersFile },
      {
        revocations: {
          revoke: async () => undefined,
          isRevoked: async () => {
            throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
          },
        },
      },
    );
    const kept = await down.callbacks!.jwt!({ token, user: undefined as never, account: null });
    expect(kept).toMatchObject({ sid: token.sid, name: "alice", unverified: true });
    const session = await down.callbacks!.session!({
      session: { user: { name: "alice", role: "operator" }, expires: "" },
      token: kept,
    } as never);
    expect(session).toMatchObject({ unverified: true });
    // Back up: the flag from the earlier request is not carried, and a revoked copy is refused again.
    expect(await use(kept)).not.toHaveProperty("unverified");
    await options.events!.signOut!({ token, session: undefined as never });
    await expect(use(kept)).rejects.toThrow("Signed out.");
  });

  it("still ends the session on a failure that is not an outage", async () => {
    const token = await signIn("alice", "operator");
    const broken = buildAuthOptions(
      { NEXTAUTH_SECRET: "s".repeat(32), QUEUEREADY_USERS_FILE: usersFile },
      {
        revocations: {
          revoke: async () => undefined,
          isRevoked: async () => {
            throw new TypeError("bad");
          },
        },
      },
    );
    await expect(broken.callbacks!.jwt!({ token, user: undefined as never, account: null })).rejects.toThrow(
      "bad",
    );
  });
});
