import { describe, expect, it } from "vitest";
import { auditAgeText } from "./audit-age";

describe("the stored audit's age", () => {
  const now = new Date("2026-01-15T12:00:00Z");
  const at = (sAgo: number, durationMs: number | null = 2_400) => ({
    finishedAt: new Date(now.getTime() - sAgo * 1000),
    durationMs,
  });
  it("says how long ago and how long it took", () => {
    expect(auditAgeText(at(180), now)).toBe("Audited 3 min ago, took 2.4 s");
    expect(auditAgeText(at(10, 870), now)).toBe("Audited just now, took 0.9 s");
    expect(auditAgeText(at(7_200, 41_000), now)).toBe("Audited 2 h ago, took 41 s");
    expect(auditAgeText(at(3 * 86_400, null), now)).toBe("Audited 3 days ago");
    expect(auditAgeText({ finishedAt: null, durationMs: null }, now)).toBe("Audit running");
  });
});
