import { describe, expect, it } from "vitest";
import { claimAuditSlot } from "./audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import type { Db } from "./open";
import { eventsSince, targetTimeline } from "./target-events";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);

const eviction = { ruleId: "eviction-policy", severity: "fail", title: "volatile-lru" };
const row = (id: string, verdict: string) => ({
  accountId: "123456789012",
  region: "us-east-1",
  kind: "replication-group",
  targetId: id,
  verdict,
  findings: verdict === "needs-changes" ? [eviction] : [],
});
const t0 = Date.parse("2026-01-15T12:00:00Z");
const minute = 60_000;

async function audit(db: Db, n: number, verdicts: ReturnType<typeof row>[]) {
  const id = `a${n}`;
  await claimAuditSlot(db, { id, slot: `s${n}`, startedBy: "r", now: new Date(t0 + n * 15 * minute) });
  await storeAudit(
    db,
    id,
    { verdicts, awsErrors: {}, failedRegions: [] },
    new Date(t0 + n * 15 * minute + 5000),
  );
}

describe.each(BACKENDS)("target events (%s)", (backend) => {
  it("records each transition once, skips Unknown, and opens the cause window at the last good read", async () => {
    const { db } = await dbs.open(backend);
    await audit(db, 0, [row("orders", "ready"), row("legacy", "needs-changes"), row("flaky", "unknown")]);
    await audit(db, 1, [row("orders", "ready"), row("legacy", "needs-changes"), row("flaky", "ready")]);
    await audit(db, 2, [row("orders", "needs-changes"), row("legacy", "unknown"), row("flaky", "ready")]);
    await audit(db, 3, [row("orders", "needs-changes"), row("legacy", "ready"), row("flaky", "ready")]);

    const orders = await targetTimeline(db, {
      region: "us-east-1",
      kind: "replication-group",
      targetId: "orders",
    });
    expect(orders.map((e) => e.event)).toEqual(["first-seen", "regressed"]);
    expect(orders[1]).toMatchObject({
      verdictBefore: "ready",
      verdictAfter: "needs-changes",
      changedRules: ["eviction-policy"],
      auditId: "a2",
      // audit 1 (started at +15 min) was the last read that saw it ready
      since: new Date(t0 + 15 * minute),
      at: new Date(t0 + 30 * minute + 5000),
      cause: null,
    });
    const legacy = await targetTimeline(db, {
      region: "us-east-1",
      kind: "replication-group",
      targetId: "legacy",
    });
    expect(legacy.map((e) => e.event)).toEqual(["new", "resolved"]);
    // audit 2 could not read it, so the window reaches back to the event that last saw it not ready
    expect(legacy[1]!.since).toEqual(legacy[0]!.at);
    const flaky = await targetTimeline(db, {
      region: "us-east-1",
      kind: "replication-group",
      targetId: "flaky",
    });
    expect(flaky.map((e) => e.event)).toEqual(["first-seen"]);

    const recent = await eventsSince(db, new Date(t0 + 20 * minute));
    expect(recent.map((e) => `${e.targetId}:${e.event}`)).toEqual(["legacy:resolved", "orders:regressed"]);
  });

  it("writes nothing when an audit is finished twice", async () => {
    const { db } = await dbs.open(backend);
    await audit(db, 0, [row("orders", "needs-changes")]);
    await storeAudit(db, "a0", { verdicts: [row("orders", "ready")], awsErrors: {}, failedRegions: [] });
    expect(await eventsSince(db, new Date(0))).toHaveLength(1);
  });
});
