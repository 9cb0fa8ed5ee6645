import { describe, expect, it } from "vitest";
import { auditIntervalFromEnv } from "./interval";

describe("auditIntervalFromEnv", () => {
  it("defaults to 15 minutes and reads seconds, minutes, hours and off", () => {
    expect(auditIntervalFromEnv({})).toBe(900_000);
    expect(auditIntervalFromEnv({ QUEUEREADY_AUDIT_INTERVAL: "10s" })).toBe(10_000);
    expect(auditIntervalFromEnv({ QUEUEREADY_AUDIT_INTERVAL: " 5M " })).toBe(300_000);
    expect(auditIntervalFromEnv({ QUEUEREADY_AUDIT_INTERVAL: "1h" })).toBe(3_600_000);
    expect(auditIntervalFromEnv({ QUEUEREADY_AUDIT_INTERVAL: "off" })).toBeNull();
  });

  it("refuses what is too short, too long or malformed, naming the variable", () => {
    for (const bad of ["9s", "25h", "15", "1.5m", "-10s", "10 s", "1d"])
      expect(() => auditIntervalFromEnv({ QUEUEREADY_AUDIT_INTERVAL: bad })).toThrow(
        /QUEUEREADY_AUDIT_INTERVAL/,
      );
  });
});
