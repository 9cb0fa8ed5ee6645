import { describe, expect, it } from "vitest";
import { AttemptLimiter, type LimiterOptions } from "./attempt-limiter";
import type { Db } from "@/lib/adapters/db";
import { signInFailures } from "@/lib/adapters/db/schema";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);

const LIMITS = { windowMs: 600_000, maxPerAddress: 5, maxPerUser: 20 };

/** A limiter on `db` with its own clock; two made on one database are two replicas (or a restart). */
function limiterOn(db: Db, clock = { t: 1_000_000 }, options: Partial<LimiterOptions> = {}) {
  return {
    limiter: new AttemptLimiter(
      { ...LIMITS, ...options },
      async () => db,
      () => clock.t,
    ),
    clock,
  };
}

describe.each(BACKENDS)("AttemptLimiter (%s)", (backend) => {
  it("allows four failures and refuses after the fifth, for ten minutes from the first", async () => {
    const { limiter, clock } = limiterOn((await dbs.open(backend)).db);
    for (let i = 0; i < 4; i++) {
      await limiter.recordFailure("alice", "10.0.0.1");
      clock.t += 1_000;
    }
    expect(await limiter.check("alice", "10.0.0.1")).toEqual({ allowed: true });
    await limiter.recordFailure("alice", "10.0.0.1");
    expect(await limiter.check("alice", "10.0.0.1")).toEqual({
      allowed: false,
      retryAfterMs: 600_000 - 4_000,
    });
    clock.t = 1_000_000 + 600_000;
    expect(await limiter.check("alice", "10.0.0.1")).toEqual({ allowed: true });
  });

  it("counts per username and address, case-insensitively for the name", async () => {
    const { limiter } = limiterOn((await dbs.open(backend)).db);
    for (let i = 0; i < 5; i++) await limiter.recordFailure("Alice", "10.0.0.1");
    expect((await limiter.check("alice", "10.0.0.1")).allowed).toBe(false);
    expect((await limiter.check("alice", "10.0.0.2")).allowed).toBe(true);
    expect((await limiter.check("bob", "10.0.0.1")).allowed).toBe(true);
  });

  it("caps failures per username across addresses, so a forged X-Forwarded-For does not help", async () => {
    const { limiter } = limiterOn((await dbs.open(backend)).db);
    for (let i = 0; i < 20; i++) await limiter.recordFailure("alice", `10.0.0.${i}`);
    expect(await limiter.check("alice", "192.0.2.77")).toEqual({ allowed: false, retryAfterMs: 600_000 });
  });

  it("clears the address count on success", async () => {
    const { limiter } = limiterOn((await dbs.open(backend)).db);
    for (let i = 0; i < 4; i++) await limiter.recordFailure("alice", "10.0.0.1");
    await limiter.recordSuccess("alice", "10.0.0.1");
    await limiter.recordFailure("alice", "10.0.0.1");
    expect((await limiter.check("alice", "10.0.0.1")).allowed).toBe(true);
  });

  it("is one budget for every replica, not one each", async () => {
    const { db } = await dbs.open(backend);
    const clock = { t: 1_000_000 };
    const [a, b] = [limiterOn(db, clock).limiter, limiterOn(db, clock).limiter];
    for (let i = 0; i < 3; i++) await a.recordFailure("alice", "10.0.0.1");
    for (let i = 0; i < 2; i++) await b.recordFailure("alice", "10.0.0.1");
    expect((await a.check("alice", "10.0.0.1")).allowed).toBe(false);
    expect((await b.check("alice", "10.0.0.1")).allowed).toBe(false);
  });

  it("after a restart, rotating addresses still cannot lock the operator out of their usual address", async () => {
    const { db } = await dbs.open(backend);
    const clock = { t: 1_000_000 };
    await limiterOn(db, clock).limiter.recordSuccess("alice", "10.0.0.7");
    clock.t += 3_600_000;
    // The process restarts: a new limiter, the same database.
    const { limiter } = limiterOn(db, clock);
    for (let i = 0; i < 25; i++) await limiter.recordFailure("alice", `198.51.100.${i}`);
    expect((await limiter.check("alice", "203.0.113.9")).allowed).toBe(false);
    expect(await limiter.check("alice", "10.0.0.7")).toEqual({ allowed: true });
    // The usual address still has its own limit of 5.
    for (let i = 0; i < 5; i++) await limiter.recordFailure("alice", "10.0.0.7");
    expect((await limiter.check("alice", "10.0.0.7")).allowed).toBe(false);
    // And the failures outlive a restart too.
    expect((await limiterOn(db, clock).limiter.check("alice", "203.0.113.9")).allowed).toBe(false);
  });

  it("forgets a usual address after its time and keeps only the most recent few", async () => {
    const clock = { t: 0 };
    const { limiter } = limiterOn((await dbs.open(backend)).db, clock, {
      usualForMs: 1_000_000,
      maxUsualPerUser: 2,
    });
    for (const a of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) {
      await limiter.recordSuccess("alice", a);
      clock.t += 1;
    }
    for (let i = 0; i < 20; i++) await limiter.recordFailure("alice", `198.51.100.${i}`);
    const allowed = async (a: string) => (await limiter.check("alice", a)).allowed;
    expect([await allowed("10.0.0.1"), await allowed("10.0.0.2"), await allowed("10.0.0.3")]).toEqual([
      false,
      true,
      true,
    ]);
    clock.t = 1_000_003;
    for (let i = 0; i < 20; i++) await limiter.recordFailure("alice", `198.51.100.${i}`);
    expect((await limiter.check("alice", "10.0.0.3")).allowed).toBe(false);
  });

  it("keeps only the failures of the current window in the table", async () => {
    const { db } = await dbs.open(backend);
    const { limiter, clock } = limiterOn(db);
    for (let i = 0; i < 50; i++) await limiter.recordFailure(`junk${i}`, "192.0.2.1");
    clock.t += 600_001;
    await limiter.recordFailure("alice", "10.0.0.1");
    expect(await db.select().from(signInFailures)).toHaveLength(2);
  });
});
