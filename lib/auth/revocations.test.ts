import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storeRevocations } from "@/lib/auth/revocations";
import { createJsonStore, type JsonStore } from "@/lib/store";

let dir: string;
let store: JsonStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "qr-revoked-"));
  store = createJsonStore(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("storeRevocations", () => {
  it("refuses a revoked session until its expiry, then forgets it on a later write", async () => {
    const clock = { t: 1_000 };
    const revocations = storeRevocations(
      () => store,
      () => clock.t,
    );
    expect(await revocations.isRevoked("s1")).toBe(false);
    await revocations.revoke("s1", 5_000);
    expect(await revocations.isRevoked("s1")).toBe(true);
    expect(await revocations.isRevoked("s2")).toBe(false);
    expect(await revocations.isRevoked("constructor")).toBe(false);
    clock.t = 5_000;
    expect(await revocations.isRevoked("s1")).toBe(false);
    await revocations.revoke("s2", 9_000);
    expect(await store.read("auth/revoked-sessions", {})).toEqual({ s2: 9_000 });
  });

  it("survives a new process: the list is read from the store each time", async () => {
    await storeRevocations(() => store).revoke("s1", Date.now() + 60_000);
    expect(await storeRevocations(() => createJsonStore(dir)).isRevoked("s1")).toBe(true);
  });
});
