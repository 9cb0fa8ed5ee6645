/**
 * `POST /_sandbox/reset` without a seed goes back to the seed the sandbox started with (the default seed
 * for the demo and `npm run sandbox`), even after a reset to a generated fleet; and a restart with a state
 * file a fleet reset left behind starts from the seed asked for, not from the fleet.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./index";
import { call } from "./testing/wire-client";

const DEFAULT_ACCOUNTS = ["123456789012", "210987654321", "345678901234", "456789012345", "567890123456"];

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});
const start = async (opts: Parameters<typeof startSandbox>[0]) => {
  const sb = await startSandbox({ port: 0, ...opts });
  running.push(sb);
  return sb;
};
// The control API takes JSON only (a page on another site cannot post it): a bodyless reset says so too.
const reset = (sb: RunningSandbox, body?: string) =>
  fetch(`${sb.url}/_sandbox/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body }),
  });
const accountIds = (sb: RunningSandbox) =>
  sb.control
    .accounts()
    .map((a) => a.id)
    .sort();
const ordersStatus = async (sb: RunningSandbox) =>
  (await call(sb.url, "elasticache", "DescribeReplicationGroups", { ReplicationGroupId: "orders-redis7" }))
    .status;

describe("reset without a seed", () => {
  it("restores the default seed after a fleet reset, with no body and with an empty one", async () => {
    const sb = await start({});
    for (const body of [undefined, "{}"]) {
      expect((await reset(sb, JSON.stringify({ seed: { clusters: 40 } }))).status).toBe(200);
      expect(accountIds(sb)).toHaveLength(1);
      expect(await ordersStatus(sb)).toBe(404);
      const res = await reset(sb, body);
      expect(res.status).toBe(200);
      expect(accountIds(sb)).toEqual(DEFAULT_ACCOUNTS);
      expect(await ordersStatus(sb)).toBe(200);
    }
  });

  it("goes back to the seed the sandbox started with, not to the last one asked for", async () => {
    const sb = await start({ seed: "single" });
    sb.control.reset("default");
    expect(accountIds(sb)).toEqual(DEFAULT_ACCOUNTS);
    sb.control.reset();
    expect(accountIds(sb)).toEqual(["123456789012"]);
  });

  it("a restart does not take up the fleet a reset left in the state file (the demo's next start)", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-")), "sandbox.json");
    const first = await start({ seed: "default", persistFile: file });
    await reset(first, JSON.stringify({ seed: { clusters: 40 } }));
    await first.close();
    running.length = 0;
    expect(JSON.parse(fs.readFileSync(file, "utf8")).seed).toEqual({ clusters: 40 });

    const lines: string[] = [];
    const second = await start({ seed: "default", persistFile: file, log: (l) => lines.push(l) });
    expect(accountIds(second)).toEqual(DEFAULT_ACCOUNTS);
    expect(await ordersStatus(second)).toBe(200);
    expect(lines.join("\n")).toContain("holds a state of another seed");
    expect(JSON.parse(fs.readFileSync(file, "utf8")).seed).toBe("default");

    // Its own state still survives a restart.
    await call(second.url, "elasticache", "CreateCacheParameterGroup", {
      CacheParameterGroupName: "kept",
      CacheParameterGroupFamily: "redis7",
      Description: "x",
    });
    await second.close();
    running.length = 0;
    const third = await start({ seed: "default", persistFile: file });
    const kept = await call(third.url, "elasticache", "DescribeCacheParameterGroups", {
      CacheParameterGroupName: "kept",
    });
    expect(kept.status).toBe(200);
  });
});
