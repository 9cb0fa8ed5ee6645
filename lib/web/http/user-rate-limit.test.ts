import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMITS, limitedKindOf, rateLimitsFromEnv } from "./user-rate-limit";

describe("user rate limits", () => {
  it("count previews and the other wizard pages apart, and nothing else", () => {
    expect(limitedKindOf("/wizard/preview")).toBe("preview");
    expect(limitedKindOf("/wizard/network")).toBe("wizard");
    expect(limitedKindOf("/wizard")).toBe("wizard");
    expect(limitedKindOf("/status")).toBeNull();
    expect(limitedKindOf("/wizardry")).toBeNull();
  });

  it("reads the per-minute figures from the environment and refuses nonsense by name", () => {
    expect(rateLimitsFromEnv({})).toEqual(DEFAULT_RATE_LIMITS);
    expect(rateLimitsFromEnv({ QUEUEREADY_PREVIEWS_PER_MINUTE: "30" }).preview).toEqual({
      perMinute: 30,
      capacity: 15,
    });
    for (const bad of ["0", "-3", "lots", "1.5"])
      expect(() => rateLimitsFromEnv({ QUEUEREADY_WIZARD_READS_PER_MINUTE: bad })).toThrow(
        /^QUEUEREADY_WIZARD_READS_PER_MINUTE/,
      );
  });
});
