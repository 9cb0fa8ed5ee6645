import { describe, expect, it } from "vitest";
import { compareVersions, familyForVersion } from "./version";

describe("familyForVersion", () => {
  it.each([
    ["redis", "2.8.24", "redis2.8"],
    ["redis", "3.2.10", "redis3.2"],
    ["redis", "4.0.10", "redis4.0"],
    ["redis", "5.0.6", "redis5.0"],
    ["redis", "6.2.6", "redis6.x"],
    ["redis", "6.x", "redis6.x"],
    ["redis", "7.1.0", "redis7"],
    ["redis", "7", "redis7"],
    ["valkey", "7.2.4", "valkey7"],
    ["valkey", "8.0.1", "valkey8"],
  ] as const)("%s %s -> %s", (engine, version, family) => {
    expect(familyForVersion(engine, version)).toBe(family);
  });

  it.each([
    ["redis", "3.0.7"],
    ["redis", "1.0"],
    ["valkey", "9.0.0"],
    ["valkey", "6.2"],
    ["memcached", "1.6.22"],
  ] as const)("%s %s has no family ElastiCache offers", (engine, version) => {
    expect(familyForVersion(engine, version)).toBeUndefined();
  });
});

describe("compareVersions", () => {
  it("orders numerically and treats missing parts as 0", () => {
    expect(["7.1.0", "6.2.6", "7", "10.0"].sort(compareVersions)).toEqual(["6.2.6", "7", "7.1.0", "10.0"]);
    expect(compareVersions("7", "7.0.0")).toBe(0);
  });
});
