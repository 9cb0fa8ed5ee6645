import { describe, expect, it } from "vitest";
import { refreshDecision, refreshMinAgeFromEnv } from "./refresh-cooldown";

const finished = new Date("2026-01-15T12:00:00Z");
const at = (s: number) => new Date(finished.getTime() + s * 1000);

describe("refreshMinAgeFromEnv", () => {
  it("is 30 s by default, takes whole seconds and allows 0", () => {
    expect(refreshMinAgeFromEnv({})).toBe(30_000);
    expect(refreshMinAgeFromEnv({ QUEUEREADY_REFRESH_MIN_AGE_SECONDS: " " })).toBe(30_000);
    expect(refreshMinAgeFromEnv({ QUEUEREADY_REFRESH_MIN_AGE_SECONDS: "0" })).toBe(0);
    expect(refreshMinAgeFromEnv({ QUEUEREADY_REFRESH_MIN_AGE_SECONDS: " 120 " })).toBe(120_000);
  });

  it("refuses anything else with a sentence naming the variable", () => {
    for (const bad of ["-1", "1.5", "30s", "abc", "86401"])
      expect(() => refreshMinAgeFromEnv({ QUEUEREADY_REFRESH_MIN_AGE_SECONDS: bad })).toThrow(
        /QUEUEREADY_REFRESH_MIN_AGE_SECONDS/,
      );
  });
});

describe("refreshDecision", () => {
  it("refuses a Refresh while the last audit is younger than the minimum age, saying when it is allowed", () => {
    const d = refreshDecision({ lastFinishedAt: finished, now: at(12), minAgeMs: 30_000 });
    expect(d).toEqual({
      allowed: false,
      allowedAt: at(30),
      message:
        "The last audit finished 12 s ago, so this page is current: Refresh is allowed again at " +
        "12:00:30 UTC (in 18 s).",
    });
  });

  it("rounds the wait up, so the time it names is never too early", () => {
    const d = refreshDecision({ lastFinishedAt: finished, now: at(29.2), minAgeMs: 30_000 });
    expect(d).toMatchObject({ allowed: false, message: expect.stringContaining("(in 1 s)") });
  });

  it("allows it from the minimum age on, with no audit stored yet, and always when the minimum is 0", () => {
    expect(refreshDecision({ lastFinishedAt: finished, now: at(30), minAgeMs: 30_000 }).allowed).toBe(true);
    expect(refreshDecision({ lastFinishedAt: undefined, now: at(0), minAgeMs: 30_000 }).allowed).toBe(true);
    expect(refreshDecision({ lastFinishedAt: finished, now: at(0), minAgeMs: 0 }).allowed).toBe(true);
  });

  it("counts from the finish time even when another replica's clock is a little ahead", () => {
    const d = refreshDecision({ lastFinishedAt: finished, now: at(-2), minAgeMs: 30_000 });
    expect(d).toMatchObject({ allowed: false, allowedAt: at(30) });
    expect(d.allowed || d.message).toContain("finished 0 s ago");
  });
});
