import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it } from "vitest";
import { AttemptLimiter } from "./attempt-limiter";
import { memoryDatabase } from "@/tools/testing/test-db";

const database = memoryDatabase();
afterAll(async () => (await database).close());
const limiter = () => new AttemptLimiter({}, async () => (await database).db);
import { createCredentialChecker, WRONG_CREDENTIALS } from "./verify-credentials";

const users = [
  { username: "alice", role: "operator" as const, passwordHash: bcrypt.hashSync("correct horse", 4) },
  { username: "bob", role: "viewer" as const, passwordHash: bcrypt.hashSync("battery staple", 4) },
];

function checker(sleeps: number[] = []) {
  return createCredentialChecker({
    users,
    limiter: limiter(),
    minDurationMs: 300,
    sleep: async (ms) => void sleeps.push(ms),
  });
}

describe("createCredentialChecker", () => {
  it("signs in with the right password, username case-insensitive, keeping the configured spelling", async () => {
    const check = checker();
    expect(await check("ALICE", "correct horse", "10.0.0.1")).toEqual({
      ok: true,
      user: { name: "alice", role: "operator" },
    });
    expect(await check("bob", "battery staple", "10.0.0.1")).toEqual({
      ok: true,
      user: { name: "bob", role: "viewer" },
    });
  });

  it("answers a wrong password and an unknown user with the same plain message", async () => {
    const check = checker();
    const wrongPassword = await check("alice", "nope", "10.0.0.1");
    const unknownUser = await check("mallory", "correct horse", "10.0.0.1");
    const empty = await check("alice", "", "10.0.0.1");
    for (const r of [wrongPassword, unknownUser, empty]) {
      expect(r).toEqual({ ok: false, reason: "wrong-credentials", message: WRONG_CREDENTIALS });
    }
  });

  it("pads every answer to the minimum duration", async () => {
    const sleeps: number[] = [];
    // A clock that moves 10 ms per reading: the padding is then the same however loaded the machine is.
    const clock = { t: 0 };
    const check = createCredentialChecker({
      users,
      limiter: limiter(),
      minDurationMs: 300,
      sleep: async (ms) => void sleeps.push(ms),
      now: () => (clock.t += 10),
    });
    await check("alice", "correct horse", "10.0.0.1");
    await check("mallory", "x", "10.0.0.1");
    expect(sleeps).toHaveLength(2);
    for (const ms of sleeps) {
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThanOrEqual(300);
    }
  });

  it("refuses after five failures even with the right password, saying when to retry", async () => {
    const check = checker();
    for (let i = 0; i < 5; i++) await check("alice", `guess${i}`, "10.0.0.9");
    const refused = await check("alice", "correct horse", "10.0.0.9");
    expect(refused).toEqual({
      ok: false,
      reason: "rate-limited",
      message: "Too many failed sign-in attempts. Try again in 10 minutes.",
    });
    expect((await check("alice", "correct horse", "10.0.0.10")).ok).toBe(true);
  });

  it("keeps a user who was locked out by someone else able to sign in from their usual address", async () => {
    const check = checker();
    expect((await check("alice", "correct horse", "10.0.0.7")).ok).toBe(true);
    for (let i = 0; i < 20; i++) await check("alice", `guess${i}`, `198.51.100.${i}`);
    expect(await check("alice", "correct horse", "203.0.113.50")).toMatchObject({ reason: "rate-limited" });
    expect((await check("alice", "correct horse", "10.0.0.7")).ok).toBe(true);
  });
});
