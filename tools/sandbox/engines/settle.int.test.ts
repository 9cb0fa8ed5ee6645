/**
 * A change completes on its own, as on AWS: after ModifyReplicationGroup to a noeviction group, the real
 * engines switch policy, and the statuses settle, with no API call after the modify.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Redis from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MANAGEMENT_ACCOUNT_ID, startSandbox, type RunningSandbox } from "@/tools/sandbox";
import type { SandboxState } from "@/tools/sandbox/model/state";
import { call, sleep, text, texts } from "@/tools/sandbox/testing/wire-client";
import { describeEngines } from "@/tools/testing/engine-sandbox";

const APPLY_DELAY_MS = 1000;
/** How late past the apply delay the engine may follow on a loaded machine. */
const MARGIN_MS = 1500;

let sandbox: RunningSandbox;
let dir: string;
const stateFile = () => path.join(dir, "sandbox.json");
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "queueready-settle-"));
  sandbox = await startSandbox({
    port: 0,
    engines: true,
    applyDelayMs: APPLY_DELAY_MS,
    persistFile: stateFile(),
  });
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The persisted state: what the sandbox holds, read without asking its API. */
function savedGroup(id: string) {
  const state = (JSON.parse(readFileSync(stateFile(), "utf8")) as { state: SandboxState }).state;
  const region = state.accounts[MANAGEMENT_ACCOUNT_ID]!.regions["us-east-1"]!;
  const rg = region.replicationGroups.find((g) => g.id === id)!;
  const members = region.cacheClusters.filter((c) => c.replicationGroupId === id);
  return { rg, members };
}

async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  ms: number,
): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== undefined) return v;
    await sleep(20);
  }
  return undefined;
}

describeEngines("pending changes complete on their own timer", () => {
  it("the engines switch to noeviction and the statuses settle with no API call after the modify", async () => {
    const engines = await sandbox.control.engines();
    const members = engines.filter((e) => e.replicationGroupId === "orders-redis7");
    expect(members.length).toBe(2);
    const clients = members.map(
      (e) => new Redis({ port: Number(e.address.split(":")[1]), lazyConnect: true }),
    );
    await Promise.all(clients.map((c) => c.connect()));
    const policies = async () =>
      Promise.all(clients.map(async (c) => ((await c.config("GET", "maxmemory-policy")) as string[])[1]));
    try {
      expect(await policies()).toEqual(["volatile-lru", "volatile-lru"]);
      sandbox.control.resetCalls();
      const modified = await call(sandbox.url, "elasticache", "ModifyReplicationGroup", {
        ReplicationGroupId: "orders-redis7",
        CacheParameterGroupName: "secure-noeviction",
        ApplyImmediately: true,
      });
      expect(modified.status).toBe(200);
      const answeredAt = Date.now();
      expect(text(modified.xml, "Status")).toBe("modifying");
      expect(await policies()).toEqual(["volatile-lru", "volatile-lru"]);
      expect(savedGroup("orders-redis7").rg.status).toBe("modifying");

      const switched = await until(async () => {
        const now = await policies();
        return now.every((p) => p === "noeviction") ? Date.now() - answeredAt : undefined;
      }, APPLY_DELAY_MS + MARGIN_MS);
      const settled = await until(() => {
        const { rg, members: ccs } = savedGroup("orders-redis7");
        const done =
          rg.status === "available" &&
          ccs.every((c) => c.status === "available" && c.paramApplyStatus === "in-sync");
        return done ? Date.now() - answeredAt : undefined;
      }, APPLY_DELAY_MS + MARGIN_MS);
      console.log(
        `[settle] apply delay ${APPLY_DELAY_MS} ms: engines on noeviction ${switched} ms and statuses settled ${settled} ms after the modify answered`,
      );
      expect(switched).toBeDefined();
      expect(settled).toBeDefined();
      // Not early either: the change takes the apply delay, less the time the answer took to arrive.
      expect(switched!).toBeGreaterThanOrEqual(APPLY_DELAY_MS - 200);
      // Nobody asked: the one call is the modify.
      expect(sandbox.control.calls()).toEqual({ "elasticache:ModifyReplicationGroup": 1 });
    } finally {
      for (const c of clients) c.disconnect();
    }

    // What a Describe shows afterwards agrees, and the event is dated at the modify, not at the Describe.
    const rg = await call(sandbox.url, "elasticache", "DescribeReplicationGroups", {
      ReplicationGroupId: "orders-redis7",
    });
    expect(text(rg.xml, "Status")).toBe("available");
    const events = await call(sandbox.url, "elasticache", "DescribeEvents", {
      SourceType: "replication-group",
      SourceIdentifier: "orders-redis7",
      Duration: 60,
    });
    expect(texts(events.xml, "Message")).toEqual(["Modified replication group"]);
    const eventAt = Date.parse(text(events.xml, "Date")!);
    expect(Date.now() - eventAt).toBeGreaterThanOrEqual(APPLY_DELAY_MS);
  });
});
