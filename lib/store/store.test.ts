import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createJsonStore, storeDirFromEnv, type JsonStore } from "@/lib/store/json-store";
import { acquireLock, readLock, releaseLock, renewLock } from "@/lib/store/locks";

let dir: string;
let store: JsonStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "qr-store-"));
  store = createJsonStore(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("json store", () => {
  it("reads what it wrote, falls back when absent, lists and removes", async () => {
    expect(await store.read("runs/a", null)).toBeNull();
    await store.write("runs/a", { n: 1 });
    await store.write("runs/b", { n: 2 });
    expect(await store.read("runs/a", null)).toEqual({ n: 1 });
    expect(await store.list("runs")).toEqual(["runs/a", "runs/b"]);
    expect(JSON.parse(await readFile(path.join(dir, "runs", "b.json"), "utf8"))).toEqual({ n: 2 });
    await store.remove("runs/a");
    expect(await store.list("runs")).toEqual(["runs/b"]);
    expect(await store.list("nothing")).toEqual([]);
  });

  it("serialises concurrent updates: none is lost, and no temp file is left", async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.update<number[]>("counter", [], async (xs) => [...xs, i])),
    );
    const values = await store.read<number[]>("counter", []);
    expect(values).toHaveLength(50);
    expect(new Set(values).size).toBe(50);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps serving after an update throws", async () => {
    await expect(
      store.update("k", 1, () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.update("k", 1, (n) => n + 1)).toBe(2);
  });

  it("refuses keys that would escape the directory", async () => {
    await expect(store.write("../etc/passwd", 1)).rejects.toThrow("Invalid store key");
    await expect(store.write("runs/../../x", 1)).rejects.toThrow("Invalid store key");
  });

  it("takes its directory from QUEUEREADY_DATA_DIR, else .queueready", () => {
    expect(storeDirFromEnv({ QUEUEREADY_DATA_DIR: "/data/qr" })).toBe("/data/qr");
    expect(storeDirFromEnv({})).toBe(path.resolve(".queueready"));
  });
});

describe("locks", () => {
  const t0 = new Date("2026-01-15T12:00:00Z");
  const later = (ms: number) => new Date(t0.getTime() + ms);

  it("refuses a second holder, lets the owner renew and release", async () => {
    expect(
      (
        await acquireLock(
          store,
          "us-east-1/orders",
          { owner: "run-1", user: "alice" },
          { staleAfterMs: 60_000, now: t0 },
        )
      ).ok,
    ).toBe(true);
    const second = await acquireLock(
      store,
      "us-east-1/orders",
      { owner: "run-2", user: "bob" },
      { staleAfterMs: 60_000, now: later(30_000) },
    );
    expect(second).toEqual({
      ok: false,
      holder: { owner: "run-1", user: "alice", acquiredAt: t0.toISOString(), heartbeatAt: t0.toISOString() },
    });
    expect(await renewLock(store, "us-east-1/orders", "run-2", later(40_000))).toBe(false);
    expect(await renewLock(store, "us-east-1/orders", "run-1", later(50_000))).toBe(true);
    expect(
      (
        await acquireLock(
          store,
          "us-east-1/orders",
          { owner: "run-2", user: "bob" },
          { staleAfterMs: 60_000, now: later(100_000) },
        )
      ).ok,
    ).toBe(false);
    await releaseLock(store, "us-east-1/orders", "run-2");
    expect((await readLock(store, "us-east-1/orders"))?.owner).toBe("run-1");
    await releaseLock(store, "us-east-1/orders", "run-1");
    expect(await readLock(store, "us-east-1/orders")).toBeUndefined();
  });

  it("takes over a lock whose heartbeat went stale", async () => {
    await acquireLock(store, "l", { owner: "crashed", user: "alice" }, { staleAfterMs: 60_000, now: t0 });
    const taken = await acquireLock(
      store,
      "l",
      { owner: "run-2", user: "bob" },
      { staleAfterMs: 60_000, now: later(61_000) },
    );
    expect(taken.ok && taken.holder.owner).toBe("run-2");
    expect(await renewLock(store, "l", "crashed", later(62_000))).toBe(false);
  });

  it("gives the lock to exactly one of many concurrent takers", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        acquireLock(store, "race", { owner: `run-${i}`, user: "u" }, { staleAfterMs: 60_000, now: t0 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});
