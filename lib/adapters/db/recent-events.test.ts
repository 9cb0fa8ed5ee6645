import { describe, expect, it } from "vitest";
import { claimAuditSlot } from "./audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { countRecentEvents, recentEventsPage } from "./recent-events";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);

const t0 = Date.parse("2026-01-15T12:00:00Z");
const eviction = { ruleId: "eviction-policy", severity: "fail", title: "volatile-lru" };
const row = (i: number, verdict: string) => ({
  accountId: "123456789012",
  region: "us-east-1",
  kind: "replication-group",
  targetId: `c${String(i).padStart(3, "0")}`,
  verdict,
  findings: verdict === "ready" ? [] : [eviction],
});

describe.each(BACKENDS)("the changes view's events (%s)", (backend) => {
  it("keeps 120 first sightings apart from the 3 real changes, and pages them 50 at a time", async () => {
    const { db } = await dbs.open(backend);
    const first = Array.from({ length: 120 }, (_, i) => row(i, "needs-changes"));
    await claimAuditSlot(db, { id: "a0", slot: "s0", startedBy: "r", now: new Date(t0) });
    await storeAudit(db, "a0", { verdicts: first, awsErrors: {}, failedRegions: [] }, new Date(t0 + 1000));
    const later = first.map((r, i) => (i < 3 ? { ...r, verdict: "ready", findings: [] } : r));
    await claimAuditSlot(db, { id: "a1", slot: "s1", startedBy: "r", now: new Date(t0 + 60_000) });
    await storeAudit(db, "a1", { verdicts: later, awsErrors: {}, failedRegions: [] }, new Date(t0 + 61_000));

    const from = new Date(t0);
    const changes = { from, events: ["regressed", "resolved", "changed"] as const };
    const sightings = { from, events: ["new", "first-seen"] as const };
    expect(await countRecentEvents(db, { ...changes, events: [...changes.events] })).toBe(3);
    expect(await countRecentEvents(db, { ...sightings, events: [...sightings.events] })).toBe(120);
    const page = (n: number) =>
      recentEventsPage(db, { from, events: [...sightings.events], offset: (n - 1) * 50, limit: 50 });
    const pages = await Promise.all([page(1), page(2), page(3)]);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    const ids = pages.flat().map((e) => e.targetId);
    expect(new Set(ids).size).toBe(120); // no row on two pages, none left out
    const real = await recentEventsPage(db, {
      ...changes,
      events: [...changes.events],
      offset: 0,
      limit: 50,
    });
    expect(real.map((e) => `${e.event} ${e.targetId}`)).toEqual([
      "resolved c000",
      "resolved c001",
      "resolved c002",
    ]);
    expect(await countRecentEvents(db, { from: new Date(t0 + 30_000), events: ["new"] })).toBe(0);
  });
});
