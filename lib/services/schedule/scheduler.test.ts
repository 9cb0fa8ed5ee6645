import { describe, expect, it } from "vitest";
import { claimAuditSlot, latestAudit } from "@/lib/adapters/db/audits";
import { createAuditScheduler, slotOf } from "./scheduler";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);
const intervalMs = 10_000;

describe.each(BACKENDS)("audit scheduler (%s)", (backend) => {
  it("runs exactly one audit per interval across replicas, and stores its verdicts", async () => {
    const { db } = await dbs.open(backend);
    let clock = new Date("2026-01-15T12:00:03Z");
    let audits = 0;
    const runAudit = async () => {
      audits++;
      const verdict = audits === 1 ? "ready" : "needs-changes";
      const t = {
        accountId: "123456789012",
        region: "us-east-1",
        kind: "replication-group",
        targetId: "orders-redis7",
      };
      return { verdicts: [{ ...t, verdict, findings: [] }], awsErrors: {}, failedRegions: [] };
    };
    const replicas = ["a", "b", "c"].map((replica) =>
      createAuditScheduler({ db, intervalMs, replica, runAudit, maxJitterMs: 20, now: () => clock }),
    );
    const first = await Promise.all(replicas.map((r) => r.tick()));
    expect(first.filter(Boolean)).toHaveLength(1);
    // Later ticks in the same slot do nothing, on any replica.
    clock = new Date("2026-01-15T12:00:09Z");
    expect(await Promise.all(replicas.map((r) => r.tick()))).toEqual([false, false, false]);
    expect(audits).toBe(1);
    clock = new Date("2026-01-15T12:00:11Z");
    expect((await Promise.all(replicas.map((r) => r.tick()))).filter(Boolean)).toHaveLength(1);
    expect(audits).toBe(2);
    const latest = (await latestAudit(db))!;
    expect(latest.run.slot).toBe("2026-01-15T12:00:10.000Z");
    expect(latest.verdicts.map((v) => v.verdict)).toEqual(["needs-changes"]);
  });

  it("keeps going after an audit fails, and reports the failure", async () => {
    const { db } = await dbs.open(backend);
    let clock = new Date("2026-01-15T13:00:00Z");
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = createAuditScheduler({
      db,
      intervalMs,
      replica: "a",
      maxJitterMs: 0,
      now: () => clock,
      onError: (e) => errors.push(e),
      runAudit: async () => {
        if (++calls === 1) throw new Error("AWS is down");
        return { verdicts: [], awsErrors: {}, failedRegions: [] };
      },
    });
    expect(await scheduler.tick()).toBe(false);
    expect(String(errors[0])).toContain("AWS is down");
    clock = new Date("2026-01-15T13:00:10Z");
    expect(await scheduler.tick()).toBe(true);
  });

  it("runs a slot whose replica died mid-audit on another replica, once its heartbeat stops", async () => {
    const { db } = await dbs.open(backend);
    let clock = new Date("2026-01-15T14:00:01Z");
    const slot = "2026-01-15T14:00:00.000Z";
    // Replica a claimed the slot and was killed: the row stays unfinished and nothing beats for it.
    expect(await claimAuditSlot(db, { id: "a-dead", slot, startedBy: "a", now: clock })).toBe(true);
    let audits = 0;
    const survivor = createAuditScheduler({
      db,
      intervalMs,
      replica: "b",
      maxJitterMs: 0,
      leaseMs: 300,
      now: () => clock,
      runAudit: async () => {
        audits++;
        return { verdicts: [], awsErrors: {}, failedRegions: [] };
      },
    });
    // While a's last sign of life is recent the slot is a's; b does not give the slot up for good.
    expect(await survivor.tick()).toBe(false);
    clock = new Date(clock.getTime() + 301);
    expect(await survivor.tick()).toBe(true);
    expect(audits).toBe(1);
    expect((await latestAudit(db))!.run).toMatchObject({ slot, startedBy: "b" });
    expect(await survivor.tick()).toBe(false);
    expect(audits).toBe(1);
  });
});

it("cuts time into interval slots", () => {
  expect(slotOf(new Date("2026-01-15T12:14:59.999Z"), 900_000)).toBe("2026-01-15T12:00:00.000Z");
  expect(slotOf(new Date("2026-01-15T12:15:00Z"), 900_000)).toBe("2026-01-15T12:15:00.000Z");
});
