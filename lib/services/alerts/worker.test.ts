import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationsConfig } from "@/lib/core/alerts/config";
import { createDeliveryWorker } from "./worker";
import { claimAuditSlot } from "@/lib/adapters/db/audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { claimDueDeliveries, deliveryStats, enqueueDeliveries } from "@/lib/adapters/db/deliveries";
import type { Db } from "@/lib/adapters/db/open";
import { channelStarts } from "@/lib/adapters/db/channel-starts";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";
import { startWebhookReceiver, type WebhookReceiver } from "@/tools/testing/webhook-receiver";

const dbs = databasesPerFile();
warmUp(dbs);
let receiver: WebhookReceiver;
beforeAll(async () => void (receiver = await startWebhookReceiver()));
afterAll(() => receiver.close());

const t0 = Date.parse("2026-01-15T14:00:00Z");
/** When the tests' channels were configured: before any event. */
const BEFORE = new Date(t0 - 60_000);
const eviction = { ruleId: "eviction-policy", severity: "fail", title: "maxmemory-policy is volatile-lru" };
const verdict = (v: string) => ({
  accountId: "123456789012",
  region: "us-east-1",
  kind: "replication-group",
  targetId: "orders",
  verdict: v,
  findings: v === "ready" ? [] : [eviction],
});
const cause = [
  {
    at: "2026-01-15T14:02:00.000Z",
    sourceType: "replication-group",
    sourceId: "orders",
    message: "Modified replication group",
  },
];

/** A ready target that regresses: one notifiable event in the database. */
async function regressed(db: Db): Promise<void> {
  for (const [n, v] of [
    [0, "ready"],
    [1, "needs-changes"],
  ] as const) {
    await claimAuditSlot(db, { id: `a${n}`, slot: `s${n}`, startedBy: "r", now: new Date(t0 + n * 300_000) });
    await storeAudit(
      db,
      `a${n}`,
      { verdicts: [verdict(v)], awsErrors: {}, failedRegions: [] },
      new Date(t0 + n * 300_000 + 1000),
    );
  }
}

describe.each(BACKENDS)("delivery worker (%s)", (backend) => {
  it("posts a readable Slack message linking the cluster, with the cause it looked up once", async () => {
    const { db } = await dbs.open(backend);
    let lookups = 0;
    const config: NotificationsConfig = { slack: { url: receiver.url }, baseUrl: "https://qr.example.com" };
    let clock = BEFORE;
    const worker = createDeliveryWorker({
      db,
      config,
      replica: "a",
      now: () => clock,
      findCause: async () => (lookups++, cause),
    });
    await worker.tick(); // running before the events: the channel was configured then
    await regressed(db);
    clock = new Date(t0 + 302_000);
    const before = receiver.requests.length;
    expect(await worker.tick()).toMatchObject({ causes: 1, sent: 1 });
    expect(await worker.tick()).toMatchObject({ causes: 0, sent: 0 });
    expect(lookups).toBe(1); // the regression, once; a first sighting as ready has nothing to explain
    const [msg] = receiver.requests.slice(before);
    const { text } = JSON.parse(msg!.body) as { text: string };
    expect(text.split("\n")).toEqual([
      "<https://qr.example.com/status/123456789012/us-east-1/replication-group/orders|orders> (replication-group, us-east-1, account 123456789012) :red_circle: is no longer ready for BullMQ",
      "Verdict: ready → needs-changes",
      "• maxmemory-policy is volatile-lru",
      "Cause (AWS events): Modified replication group (replication-group orders) at 14:02 UTC",
    ]);
  });

  it("keeps the baseline audit's events on the timeline only, and notifies a later new target", async () => {
    const { db } = await dbs.open(backend);
    const other = { ...verdict("needs-changes"), targetId: "legacy" };
    await channelStarts(db, ["webhook"], BEFORE); // configured before the first audit
    await claimAuditSlot(db, { id: "b0", slot: "s0", startedBy: "r", now: new Date(t0) });
    await storeAudit(db, "b0", { verdicts: [other], awsErrors: {}, failedRegions: [] }, new Date(t0 + 1000));
    await claimAuditSlot(db, { id: "b1", slot: "s1", startedBy: "r", now: new Date(t0 + 300_000) });
    const later = { verdicts: [other, verdict("needs-changes")], awsErrors: {}, failedRegions: [] };
    await storeAudit(db, "b1", later, new Date(t0 + 301_000));
    const clock = new Date(t0 + 302_000);
    const worker = createDeliveryWorker({
      db,
      config: { webhook: { url: receiver.url } },
      replica: "a",
      now: () => clock,
      findCause: async () => [],
    });
    const before = receiver.requests.length;
    // The baseline's "new legacy" is neither explained nor sent; the later new target is both.
    expect(await worker.tick()).toMatchObject({ causes: 1, sent: 1 });
    const bodies = receiver.requests
      .slice(before)
      .map((r) => JSON.parse(r.body) as { event: string; target: { id: string } });
    expect(bodies.map((b) => `${b.event} ${b.target.id}`)).toEqual(["new orders"]);
  });

  it("backs off after errors, within its bound, and gives up after the last attempt", async () => {
    const { db } = await dbs.open(backend);
    await channelStarts(db, ["webhook"], BEFORE);
    await regressed(db);
    let clock = new Date(t0 + 302_000);
    const logs: string[] = [];
    const worker = createDeliveryWorker({
      db,
      config: { webhook: { url: receiver.url } },
      replica: "b",
      now: () => clock,
      random: () => 1,
      findCause: async () => cause,
      backoff: { baseMs: 10_000, maxMs: 60_000, maxAttempts: 3 },
      log: (m) => logs.push(m),
    });
    const before = receiver.requests.length;
    const statuses = () => receiver.requests.slice(before).map((r) => r.status);
    const after = async (ms: number) => {
      clock = new Date(clock.getTime() + ms);
      return worker.tick();
    };
    receiver.failNext(500, 500, 500);
    expect(await after(0)).toMatchObject({ retried: 1 });
    await after(5_000);
    expect(statuses()).toEqual([500]); // 10 s after the first failure, not before
    await after(6_000);
    expect(statuses()).toEqual([500, 500]);
    await after(15_000);
    expect(statuses()).toEqual([500, 500]); // then 20 s
    expect(await after(6_000)).toMatchObject({ failed: 1 });
    await after(3_600_000);
    expect(statuses()).toEqual([500, 500, 500]);
    expect(logs).toEqual([expect.stringMatching(/failed 3 times: HTTP 500$/)]);
    expect(await deliveryStats(db)).toEqual([
      { channel: "webhook", status: "failed", deliveries: 1, attempts: 3 },
    ]);
  });

  it("leaves a delivery another replica holds until its lease ends, then sends it once", async () => {
    const { db } = await dbs.open(backend);
    await regressed(db);
    let clock = new Date(t0 + 302_000);
    await enqueueDeliveries(db, ["webhook"], { from: new Date(t0), causeBy: clock, now: clock });
    expect(
      await claimDueDeliveries(db, { replica: "dead", leaseMs: 60_000, limit: 10, now: clock }),
    ).toHaveLength(1);
    const worker = createDeliveryWorker({
      db,
      config: { webhook: { url: receiver.url } },
      replica: "b",
      now: () => clock,
      findCause: async () => cause,
    });
    expect(await worker.tick()).toMatchObject({ sent: 0 });
    clock = new Date(clock.getTime() + 61_000);
    expect(await worker.tick()).toMatchObject({ sent: 1 });
    expect(await worker.tick()).toMatchObject({ sent: 0 });
    expect(await deliveryStats(db)).toEqual([
      { channel: "webhook", status: "sent", deliveries: 1, attempts: 2 },
    ]);
  });

  it("resends a Slack message a dead replica may have sent saying it may repeat, within a short lease", async () => {
    const { db } = await dbs.open(backend);
    await regressed(db);
    let clock = new Date(t0 + 302_000);
    await enqueueDeliveries(db, ["slack"], { from: new Date(t0), causeBy: clock, now: clock });
    // A replica claimed it with the worker's default lease (a 10 s send timeout + 5 s) and died mid-send.
    expect(
      await claimDueDeliveries(db, { replica: "dead", leaseMs: 15_000, limit: 10, now: clock }),
    ).toHaveLength(1);
    const worker = createDeliveryWorker({
      db,
      config: { slack: { url: receiver.url } },
      replica: "b",
      now: () => clock,
      findCause: async () => cause,
    });
    expect(await worker.tick()).toMatchObject({ sent: 0 });
    const before = receiver.requests.length;
    clock = new Date(clock.getTime() + 16_000);
    expect(await worker.tick()).toMatchObject({ sent: 1 });
    const { text } = JSON.parse(receiver.requests[before]!.body) as { text: string };
    expect(text.split("\n").at(-1)).toBe(
      "(This may repeat an earlier message: a QueueReady replica stopped while sending it.)",
    );
  });

  it("gives a channel added later no backlog: only what happens after it was added is sent to it", async () => {
    const { db } = await dbs.open(backend);
    await channelStarts(db, ["webhook"], BEFORE);
    await regressed(db); // orders regressed at t0 + 301 s, while only the webhook was configured
    let clock = new Date(t0 + 600_000);
    const worker = createDeliveryWorker({
      db,
      config: { webhook: { url: receiver.url }, slack: { url: receiver.url } },
      replica: "a",
      now: () => clock,
      findCause: async () => cause,
    });
    expect(await worker.tick()).toMatchObject({ sent: 1 });
    expect(await deliveryStats(db)).toEqual([
      { channel: "webhook", status: "sent", deliveries: 1, attempts: 1 },
    ]);
    // Fixed after Slack was added: both channels hear of it.
    await claimAuditSlot(db, { id: "a2", slot: "s2", startedBy: "r", now: new Date(t0 + 900_000) });
    await storeAudit(
      db,
      "a2",
      { verdicts: [verdict("ready")], awsErrors: {}, failedRegions: [] },
      new Date(t0 + 901_000),
    );
    clock = new Date(t0 + 902_000);
    expect(await worker.tick()).toMatchObject({ sent: 2 });
    const stats = await deliveryStats(db);
    expect(stats.map((r) => `${r.channel} ${r.status} ${r.deliveries}`).sort()).toEqual([
      "slack sent 1",
      "webhook sent 2",
    ]);
  });
});
