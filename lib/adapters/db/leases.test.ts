import { describe, expect, it } from "vitest";
import { acquireLease, readLease, releaseLease, renewLease } from "./leases";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);

const t0 = new Date("2026-01-15T12:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const leaseMs = 15_000;

describe.each(BACKENDS)("leases (%s)", (backend) => {
  it("refuses a second holder, lets the owner renew and release", async () => {
    const { db } = await dbs.open(backend);
    const alice = { owner: "run-1", holder: "alice" };
    const bob = { owner: "run-2", holder: "bob" };
    expect((await acquireLease(db, "apply/orders", alice, { leaseMs, now: t0 })).ok).toBe(true);
    const second = await acquireLease(db, "apply/orders", bob, { leaseMs, now: later(5_000) });
    expect(second).toEqual({
      ok: false,
      lease: {
        owner: "run-1",
        holder: "alice",
        acquiredAt: t0.toISOString(),
        renewedAt: t0.toISOString(),
        expiresAt: later(15_000).toISOString(),
      },
    });
    expect(await renewLease(db, "apply/orders", "run-2", { leaseMs, now: later(6_000) })).toBe(false);
    expect(await renewLease(db, "apply/orders", "run-1", { leaseMs, now: later(10_000) })).toBe(true);
    // Renewed at 10 s, so still held at 20 s (the first expiry) and refused to bob.
    expect((await acquireLease(db, "apply/orders", bob, { leaseMs, now: later(20_000) })).ok).toBe(false);
    await releaseLease(db, "apply/orders", "run-2");
    expect((await readLease(db, "apply/orders"))?.owner).toBe("run-1");
    await releaseLease(db, "apply/orders", "run-1");
    expect(await readLease(db, "apply/orders")).toBeUndefined();
    expect((await acquireLease(db, "apply/orders", bob, { leaseMs, now: later(21_000) })).ok).toBe(true);
  });

  it("frees a lease one lease period after its holder stopped renewing, and the old holder cannot renew", async () => {
    const { db } = await dbs.open(backend);
    await acquireLease(db, "l", { owner: "crashed", holder: "alice" }, { leaseMs, now: t0 });
    const early = await acquireLease(
      db,
      "l",
      { owner: "run-2", holder: "bob" },
      { leaseMs, now: later(14_999) },
    );
    expect(early.ok).toBe(false);
    const taken = await acquireLease(
      db,
      "l",
      { owner: "run-2", holder: "bob" },
      { leaseMs, now: later(15_000) },
    );
    expect(taken.ok && taken.lease.owner).toBe("run-2");
    expect(await renewLease(db, "l", "crashed", { leaseMs, now: later(15_001) })).toBe(false);
  });

  it("gives the lease to exactly one of many concurrent takers", async () => {
    const database = await dbs.open(backend);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        acquireLease(database.db, "race", { owner: `run-${i}`, holder: "u" }, { leaseMs, now: t0 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results.find((r) => r.ok)!.lease.owner;
    expect(results.every((r) => r.lease.owner === winner)).toBe(true);
  });
});
