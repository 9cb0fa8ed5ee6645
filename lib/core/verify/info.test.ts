import { describe, expect, it } from "vitest";
import { disagreements } from "@/lib/core/verify/compare";
import { parseInfo } from "./info";
import { readEngineRoutes, routeTo } from "@/lib/adapters/redis/routes";

const REDIS_INFO = [
  "# Server",
  "redis_version:7.0.15",
  "redis_mode:standalone",
  "",
  "# Memory",
  "used_memory:1048576",
  "maxmemory:3317862236",
  "maxmemory_policy:volatile-lru",
  "",
  "# Cluster",
  "cluster_enabled:0",
].join("\r\n");

describe("parseInfo", () => {
  it("reads server, version, policy, memory and cluster mode from INFO", () => {
    expect(parseInfo(REDIS_INFO)).toEqual({
      server: "redis",
      version: "7.0.15",
      maxmemoryPolicy: "volatile-lru",
      maxmemory: 3317862236,
      usedMemory: 1048576,
      clusterEnabled: false,
    });
  });

  it("recognises Valkey by valkey_version (it also reports a Redis-compatible redis_version)", () => {
    const valkey = `${REDIS_INFO}\r\nvalkey_version:8.0.1\r\nserver_name:valkey`.replace(
      "cluster_enabled:0",
      "cluster_enabled:1",
    );
    expect(parseInfo(valkey)).toMatchObject({ server: "valkey", version: "8.0.1", clusterEnabled: true });
  });

  it("names the field a proxy or an old engine did not report, instead of guessing", () => {
    expect(() => parseInfo("# Server\r\nredis_version:7.0.15\r\n")).toThrow(/maxmemory_policy/);
  });
});

describe("disagreements", () => {
  const engine = parseInfo(REDIS_INFO);
  it("says when the engine's policy is not the group's: a change not applied or a group not attached", () => {
    const [d] = disagreements(engine, { groupName: "bullmq-redis7", policy: "noeviction", mode: "single" });
    expect(d).toMatch(/volatile-lru but bullmq-redis7 says noeviction/);
    expect(d).toMatch(/not .*in-sync|not the one attached/);
  });
  it("is empty when they agree, and says when cluster mode differs", () => {
    expect(
      disagreements(engine, { groupName: "default.redis7", policy: "volatile-lru", mode: "single" }),
    ).toEqual([]);
    expect(disagreements(engine, { policy: "volatile-lru", mode: "cluster" })).toEqual([
      "The API says cluster mode is on but the engine reports cluster_enabled:0.",
    ]);
  });
});

describe("engine routes", () => {
  it("reads a JSON map of host:port to host:port and routes by endpoint, case-insensitively", () => {
    const read = readEngineRoutes({
      QUEUEREADY_ENGINE_ROUTES: '{"My-Cache.use1.cache.amazonaws.com:6379":"127.0.0.1:16379"}',
    });
    if (!read.ok) throw new Error(read.message);
    expect(routeTo(read.routes, "my-cache.use1.cache.amazonaws.com", 6379)).toEqual({
      host: "127.0.0.1",
      port: 16379,
      routed: true,
    });
    expect(routeTo(read.routes, "other", 6379)).toEqual({ host: "other", port: 6379, routed: false });
  });
  it("refuses what is not such a map, with the reason", () => {
    expect(readEngineRoutes({ QUEUEREADY_ENGINE_ROUTES: "{" })).toMatchObject({
      ok: false,
      message: /not JSON/,
    });
    expect(readEngineRoutes({ QUEUEREADY_ENGINE_ROUTES: '{"a:6379":"b"}' })).toMatchObject({
      ok: false,
      message: /host:port/,
    });
    expect(readEngineRoutes({ QUEUEREADY_ENGINE_ROUTES: '{"a:6379":"b:70000"}' })).toMatchObject({
      ok: false,
      message: /65535/,
    });
    expect(readEngineRoutes({})).toEqual({ ok: true, routes: {} });
  });
});
