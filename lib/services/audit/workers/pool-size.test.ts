import os from "node:os";
import { describe, expect, it } from "vitest";
import { auditWorkersFromEnv } from "./pool-size";

describe("QUEUEREADY_AUDIT_WORKERS", () => {
  it("is one worker per core, at most 4, unless set", () => {
    expect(auditWorkersFromEnv({})).toBe(Math.min(4, os.availableParallelism()));
    expect(auditWorkersFromEnv({ QUEUEREADY_AUDIT_WORKERS: " 3 " })).toBe(3);
    expect(auditWorkersFromEnv({ QUEUEREADY_AUDIT_WORKERS: "16" })).toBe(16);
  });

  it("refuses what is not a whole number from 1 to 16, saying so", () => {
    for (const bad of ["0", "17", "two", "1.5", "-1"])
      expect(() => auditWorkersFromEnv({ QUEUEREADY_AUDIT_WORKERS: bad })).toThrow(
        "QUEUEREADY_AUDIT_WORKERS must be a whole number from 1 to 16.",
      );
  });
});
