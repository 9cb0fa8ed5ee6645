import { describe, expect, it } from "vitest";
import type { EngineFacts } from "./info";
import { engineMemoryOf } from "./memory";

const facts = (usedMemory: number, maxmemory: number): EngineFacts => ({
  server: "redis",
  version: "7.1.0",
  maxmemoryPolicy: "noeviction",
  maxmemory,
  usedMemory,
  clusterEnabled: false,
});

describe("memory on the engine", () => {
  it("reports the fullest shard against its maxmemory, with no warning at or below 80 %", () => {
    expect(engineMemoryOf([facts(40, 100), facts(80, 100)])).toEqual({
      usedBytes: 80,
      maxBytes: 100,
      percent: 80,
    });
  });

  it("warns above 80 % that writes will soon be refused", () => {
    const m = engineMemoryOf([facts(10, 100), facts(91, 100)]);
    expect(m?.percent).toBe(91);
    expect(m?.warning).toMatch(/^91\.0 % of maxmemory is used: under noeviction writes will soon be refused/);
  });

  it("no limit (maxmemory 0) is no percentage and no warning; no facts, nothing", () => {
    expect(engineMemoryOf([facts(5_000_000, 0)])).toEqual({
      usedBytes: 5_000_000,
      maxBytes: 0,
      percent: undefined,
    });
    expect(engineMemoryOf([])).toBeUndefined();
  });
});
