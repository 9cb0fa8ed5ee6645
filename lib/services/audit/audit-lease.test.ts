import { describe, expect, it } from "vitest";
import { abandonHeldAudits, holdAudit } from "./audit-lease";
import { claimManualAudit, runningAudit } from "@/lib/adapters/db/audit-runs";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(BACKENDS)("an audit's hold on its slot (%s)", (backend) => {
  it("stays running while it beats, and frees Refresh within one lease once it stops", async () => {
    const { db } = await dbs.open(backend);
    const leaseMs = 600;
    expect(await claimManualAudit(db, { id: "r1", startedBy: "a" })).toEqual({ ok: true });
    const hold = holdAudit(db, "r1", { leaseMs });
    await sleep(leaseMs * 2);
    // Older than a lease, but beating: still running, and a second Refresh is refused.
    expect(await runningAudit(db, new Date(), leaseMs)).toMatchObject({ id: "r1" });
    hold.stop();
    // The replica died (no more beats): after one lease the run no longer blocks anyone.
    await sleep(leaseMs + 50);
    expect(await runningAudit(db, new Date(), leaseMs)).toBeUndefined();
  });

  it("a Refresh left by a crashed replica is not refused for longer than the lease", async () => {
    const { db } = await dbs.open(backend);
    const crashedAt = new Date(Date.now() - 31_000);
    expect(await claimManualAudit(db, { id: "dead", startedBy: "a", now: crashedAt })).toEqual({ ok: true });
    expect(await claimManualAudit(db, { id: "next", startedBy: "b" })).toEqual({ ok: true });
  });

  it("gives up the runs it holds when the process is told to stop, so the slot is free at once", async () => {
    const { db } = await dbs.open(backend);
    expect(await claimManualAudit(db, { id: "r2", startedBy: "a" })).toEqual({ ok: true });
    holdAudit(db, "r2");
    // Another handler (Next's own) ends the process; ours only gives the runs up.
    const other = () => undefined;
    process.on("SIGTERM", other);
    try {
      process.emit("SIGTERM");
      await sleep(200);
    } finally {
      process.removeListener("SIGTERM", other);
    }
    expect(await runningAudit(db)).toBeUndefined();
    expect(await claimManualAudit(db, { id: "r3", startedBy: "b" })).toEqual({ ok: true });
    expect(await abandonHeldAudits()).toBe(0);
  });
});
