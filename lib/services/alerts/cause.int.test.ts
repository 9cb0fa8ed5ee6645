import { describe, expect, it } from "vitest";
import { causeFinder } from "./account-causes";
import { lookupCause } from "./cause";
import { createAwsContext } from "@/lib/adapters/aws/context";
import { modifyCacheParameterGroup, modifyReplicationGroup } from "@/lib/adapters/aws/elasticache/writes";
import type { TargetEventRow } from "@/lib/adapters/db/target-events";
import { sandboxPerFile } from "@/tools/testing/int-harness";

const h = sandboxPerFile({ applyDelayMs: 50 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("lookupCause", () => {
  it("finds the target's and its parameter group's events inside (since, at] only", async () => {
    const ctx = createAwsContext(h.settings, "us-east-1");
    const since = new Date();
    await sleep(20);
    await modifyCacheParameterGroup(ctx, "secure-noeviction", [
      { name: "maxmemory-policy", value: "allkeys-lru" },
    ]);
    await sleep(100);
    await modifyReplicationGroup(ctx, "secure-redis7", { cacheParameterGroupName: "default.redis7" });
    await sleep(100);
    const midway = new Date();
    await sleep(100);
    // Another cluster's change in the window is not this target's cause.
    await modifyReplicationGroup(ctx, "orders-redis7", { cacheParameterGroupName: "secure-noeviction" });
    const at = new Date();

    // The group the target uses now is default.redis7, so the custom group's edit is not asked for.
    const cause = await lookupCause(h.settings, {
      region: "us-east-1",
      kind: "replication-group",
      targetId: "secure-redis7",
      since,
      at,
    });
    expect(cause.map((c) => [c.sourceType, c.sourceId, c.message])).toEqual([
      ["replication-group", "secure-redis7", "Modified replication group"],
    ]);
    expect(Date.parse(cause[0]!.at)).toBeLessThanOrEqual(midway.getTime());
    const before = await lookupCause(h.settings, {
      region: "us-east-1",
      kind: "replication-group",
      targetId: "secure-redis7",
      since: new Date(since.getTime() - 3_600_000),
      at: since,
    });
    expect(before).toEqual([]);
  });

  it("names a parameter group edit for a target that uses the group, with the account's own settings", async () => {
    const ctx = createAwsContext(h.settings, "us-east-1");
    const since = new Date();
    await sleep(20);
    await modifyCacheParameterGroup(ctx, "shared-lru-redis6", [
      { name: "maxmemory-policy", value: "volatile-lru" },
    ]);
    const find = causeFinder({ settings: h.settings, env: {} });
    const event = {
      accountId: "123456789012",
      region: "us-east-1",
      kind: "replication-group",
      targetId: "sessions-redis62",
      since,
      at: new Date(),
    } as TargetEventRow;
    expect((await find(event)).map((c) => [c.sourceType, c.sourceId, c.message])).toEqual([
      ["cache-parameter-group", "shared-lru-redis6", "Cache parameter group modified"],
    ]);
    await expect(find({ ...event, accountId: "999999999999" })).rejects.toThrow(/999999999999 is not among/);
  });
});
