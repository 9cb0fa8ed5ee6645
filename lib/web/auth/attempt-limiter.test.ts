import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "./attempt-limiter";

function limiterAt(start = 1_000_000) {
  const clock = { t: start };
  const limiter = new AttemptLimiter(
    { windowMs: 600_000, maxPerAddress: 5, maxPerUser: 20, maxKeys: 100 },
    () => clock.t,
  );
  return { limiter, clock };
}

describe("AttemptLimiter", () => {
  it("allows four failures and refuses after the fifth, for ten minutes from the first", () => {
    const { limiter, clock } = limiterAt();
    for (let i = 0; i < 4; i++) {
      limiter.recordFailure("alice", "10.0.0.1");
      clock.t += 1_000;
    }
    expect(limiter.check("alice", "10.0.0.1")).toEqual({ allowed: true });
    limiter.recordFailure("alice", "10.0.0.1");
    expect(limiter.check("alice", "10.0.0.1")).toEqual({ allowed: false, retryAfterMs: 600_000 - 4_000 });
    clock.t = 1_000_000 + 600_000;
    expect(limiter.check("alice", "10.0.0.1")).toEqual({ allowed: true });
  });

  it("counts per username and address, case-insensitively for the name", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 5; i++) limiter.recordFailure("Alice", "10.0.0.1");
    expect(limiter.check("alice", "10.0.0.1").allowed).toBe(false);
    expect(limiter.check("alice", "10.0.0.2").allowed).toBe(true);
    expect(limiter.check("bob", "10.0.0.1").allowed).toBe(true);
  });

  it("caps failures per username across addresses, so a forged X-Forwarded-For does not help", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 20; i++) limiter.recordFailure("alice", `10.0.0.${i}`);
    expect(limiter.check("alice", "192.0.2.77")).toEqual({ allowed: false, retryAfterMs: 600_000 });
  });

  it("clears the address count on success", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 4; i++) limiter.recordFailure("alice", "10.0.0.1");
    limiter.recordSuccess("alice", "10.0.0.1");
    limiter.recordFailure("alice", "10.0.0.1");
    expect(limiter.check("alice", "10.0.0.1").allowed).toBe(true);
  });

  it("stays bounded when flooded with made-up usernames", () => {
    const { limiter, clock } = limiterAt();
    for (let i = 0; i < 500; i++) {
      limiter.recordFailure(`user${i}`, "10.0.0.1");
      clock.t += 10;
    }
    const size = (limiter as unknown as { failures: Map<string, number[]> }).failures.size;
    expect(size).toBeLessThanOrEqual(100);
    expect(size).toBeGreaterThan(0);
  });

  it("never evicts an active block, however many made-up usernames follow", () => {
    const { limiter, clock } = limiterAt();
    for (let i = 0; i < 20; i++) limiter.recordFailure("alice", `198.51.100.${i}`);
    expect(limiter.check("alice", "203.0.113.9").allowed).toBe(false);
    for (let i = 0; i < 5_000; i++) {
      limiter.recordFailure(`junk${i}`, "192.0.2.1");
      clock.t += 1;
    }
    expect(limiter.check("alice", "203.0.113.9").allowed).toBe(false);
    const size = (limiter as unknown as { failures: Map<string, number[]> }).failures.size;
    expect(size).toBeLessThanOrEqual(100);
  });

  it("lets a locked-out user in from their usual address, and only there", () => {
    const { limiter, clock } = limiterAt();
    limiter.recordSuccess("alice", "10.0.0.7");
    clock.t += 3_600_000;
    // Someone else burns the per-user budget with rotating addresses.
    for (let i = 0; i < 25; i++) limiter.recordFailure("alice", `198.51.100.${i}`);
    expect(limiter.check("alice", "203.0.113.9").allowed).toBe(false);
    expect(limiter.check("alice", "10.0.0.7")).toEqual({ allowed: true });
    // The usual address still has its own limit of 5.
    for (let i = 0; i < 5; i++) limiter.recordFailure("alice", "10.0.0.7");
    expect(limiter.check("alice", "10.0.0.7").allowed).toBe(false);
  });

  it("forgets a usual address after its time and keeps only the most recent few", () => {
    const clock = { t: 0 };
    const limiter = new AttemptLimiter(
      {
        windowMs: 600_000,
        maxPerAddress: 5,
        maxPerUser: 20,
        maxKeys: 100,
        usualForMs: 1_000_000,
        maxUsualPerUser: 2,
      },
      () => clock.t,
    );
    for (const a of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) limiter.recordSuccess("alice", a);
    for (let i = 0; i < 20; i++) limiter.recordFailure("alice", `198.51.100.${i}`);
    expect(["10.0.0.1", "10.0.0.2", "10.0.0.3"].map((a) => limiter.check("alice", a).allowed)).toEqual([
      false,
      true,
      true,
    ]);
    clock.t = 1_000_000;
    for (let i = 0; i < 20; i++) limiter.recordFailure("alice", `198.51.100.${i}`);
    expect(limiter.check("alice", "10.0.0.3").allowed).toBe(false);
  });
});
