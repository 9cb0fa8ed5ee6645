import { describe, expect, it } from "vitest";
import { auditRegion } from "@/lib/core/readiness";
import { seedSnapshot } from "@/tools/testing/fixtures";
import { applyAuditQuery, isFiltered, parseAuditQuery, queryParams, type AuditQuery } from "./audit-query";

const east = auditRegion(seedSnapshot("us-east-1")).clusters;
const both = [...east, ...auditRegion(seedSnapshot("eu-west-1")).clusters];
const names = (query: Partial<AuditQuery>) =>
  applyAuditQuery(both, { ...parseAuditQuery({}), ...query }).map((c) => c.name);

describe("parseAuditQuery", () => {
  it("defaults to every row, most urgent first", () => {
    expect(parseAuditQuery({})).toEqual({ verdicts: [], engine: undefined, q: "", sort: "verdict" });
    expect(isFiltered(parseAuditQuery({ sort: "name" }))).toBe(false);
  });

  it("keeps known values, drops the rest, and lower-cases the text", () => {
    const query = parseAuditQuery({
      verdict: ["ready", "bogus", "ready", "unknown"],
      engine: "mysql",
      q: "  Orders ",
      sort: "drop-table",
    });
    expect(query).toEqual({
      verdicts: ["ready", "unknown"],
      engine: undefined,
      q: "orders",
      sort: "verdict",
    });
    expect(parseAuditQuery({ engine: "valkey", sort: "findings" })).toMatchObject({
      engine: "valkey",
      sort: "findings",
    });
    expect(isFiltered(query)).toBe(true);
  });
});

describe("applyAuditQuery on the seeded account", () => {
  it("filters by verdict", () => {
    expect(names({ verdicts: ["ready"] })).toEqual(["eu-jobs-valkey7", "jobs-valkey8", "secure-redis7"]);
    expect(names({ verdicts: ["incompatible", "not-applicable"] })).toEqual([
      "ancient-redis4",
      "eu-serverless",
      "serverless-queue",
      "sessions-memcached",
    ]);
  });

  it("filters by engine and by text over name, VPC, group and policy", () => {
    expect(names({ engine: "valkey", sort: "name" })).toEqual([
      "eu-jobs-valkey7",
      "jobs-valkey8",
      "serverless-queue",
    ]);
    expect(names({ q: "orders" })).toEqual(["eu-orders", "orders-redis7"]);
    expect(names({ q: "vpc-0stag" })).toEqual(["cache-redis62", "standalone-redis"]);
    expect(names({ q: "allkeys-lru" })).toEqual(["cache-redis62", "sessions-redis62"]);
    expect(names({ q: "redis 6.2" })).toEqual(["cache-redis62", "sessions-redis62"]);
    expect(names({ q: "orders", verdicts: ["ready"] })).toEqual([]);
  });

  it("sorts by urgency, engine version and findings, the name breaking ties", () => {
    expect(names({ sort: "verdict" }).slice(0, 9)).toEqual([
      "busy-redis7",
      "cache-redis62",
      "eu-orders",
      "events-cluster",
      "legacy-redis5",
      "orders-redis7",
      "sessions-redis62",
      "standalone-redis",
      "ancient-redis4",
    ]);
    expect(
      applyAuditQuery(east, { ...parseAuditQuery({}), sort: "engine" })
        .map((c) => `${c.engine} ${c.engineVersion}`)
        .slice(0, 4),
    ).toEqual(["memcached 1.6.22", "redis 7.1.0", "redis 7.1.0", "redis 7.1.0"]);
    expect(names({ sort: "findings" }).slice(0, 3)).toEqual([
      "legacy-redis5",
      "ancient-redis4",
      "events-cluster",
    ]);
  });
});

describe("queryParams", () => {
  it("writes only what differs from the default view", () => {
    const query = parseAuditQuery({
      verdict: "needs-changes",
      engine: "redis",
      q: "orders",
      sort: "verdict",
    });
    expect(queryParams(query)).toEqual([
      ["verdict", "needs-changes"],
      ["engine", "redis"],
      ["q", "orders"],
    ]);
    expect(queryParams(query, { verdicts: [], sort: "name" })).toEqual([
      ["engine", "redis"],
      ["q", "orders"],
      ["sort", "name"],
    ]);
  });
});
