import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "@/lib/auth/attempt-limiter";

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
});
