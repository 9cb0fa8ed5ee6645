/**
 * An alert for an owned target says where to fix it, and the latest apply that changed it despite its
 * owner (the operator's reason) travels in the webhook and the Slack message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimAuditSlot } from "@/lib/adapters/db/audits";
import type { Db } from "@/lib/adapters/db/open";
import type { ApplyRun } from "@/lib/adapters/db/run-records";
import { insertRun } from "@/lib/adapters/db/runs";
import { replaceTargetState } from "@/lib/adapters/db/target-states";
import { channelStarts } from "@/lib/adapters/db/channel-starts";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";
import { startWebhookReceiver, type WebhookReceiver } from "@/tools/testing/webhook-receiver";
import type { WebhookBody } from "./payload";
import { createDeliveryWorker } from "./worker";

const dbs = databasesPerFile();
warmUp(dbs);
let receiver: WebhookReceiver;
beforeAll(async () => void (receiver = await startWebhookReceiver()));
afterAll(() => receiver.close());

const t0 = Date.parse("2026-01-15T14:00:00Z");
const key = { accountId: "123456789012", region: "us-east-1", kind: "replication-group", targetId: "orders" };
const eviction = { ruleId: "eviction-policy", severity: "fail", title: "maxmemory-policy is volatile-lru" };
const owner = {
  tool: "terraform" as const,
  address: "module.cache.aws_elasticache_replication_group.x",
  stateFile: "prod.tfstate",
  evidence: "Terraform state prod.tfstate",
};

/** The override run an operator made at t0 + 60 s, then an audit that sees the owner's deploy undo it. */
async function overriddenThenRegressed(db: Db): Promise<void> {
  const at = new Date(t0 + 60_000).toISOString();
  const run = {
    id: "run-override",
    region: key.region,
    target: { accountId: key.accountId, region: key.region, kind: "replication-group", id: key.targetId },
    user: { name: "ana", role: "operator" },
    origin: "cli",
    startedAt: at,
    heartbeatAt: at,
    finishedAt: at,
    status: "succeeded",
    phase: "finished",
    message: "Done",
    plan: { summaryLine: "1 to change" } as ApplyRun["plan"],
    steps: [],
    created: [],
    ownerOverride: {
      reason: "incident 4411: queues evicting",
      owned: ["replication-group orders is owned by Terraform"],
    },
  } satisfies ApplyRun;
  await insertRun(db, run);
  for (const [n, v] of [
    [0, "ready"],
    [1, "needs-changes"],
  ] as const) {
    await claimAuditSlot(db, { id: `a${n}`, slot: `s${n}`, startedBy: "r", now: new Date(t0 + n * 300_000) });
    const verdicts = [{ ...key, verdict: v, findings: v === "ready" ? [] : [eviction] }];
    await storeAudit(
      db,
      `a${n}`,
      { verdicts, awsErrors: {}, failedRegions: [] },
      new Date(t0 + n * 300_000 + 1000),
    );
  }
  await replaceTargetState(db, key, {
    ...key,
    accountName: "prod",
    verdict: "needs-changes",
    status: "available",
    topology: "1 shard",
    findings: [eviction],
    owner,
  });
}

describe.each(BACKENDS)("an owned target's alert (%s)", (backend) => {
  it("names where to fix it and the override's reason, in the webhook and in Slack", async () => {
    const { db } = await dbs.open(backend);
    // Both channels were configured before the events (a channel added later is not sent the past day's).
    await channelStarts(db, ["webhook", "slack"], new Date(t0 - 60_000));
    await overriddenThenRegressed(db);
    const clock = new Date(t0 + 302_000);
    const worker = createDeliveryWorker({
      db,
      config: { webhook: { url: receiver.url }, slack: { url: receiver.url } },
      replica: "a",
      now: () => clock,
      findCause: async () => [],
    });
    const before = receiver.requests.length;
    expect(await worker.tick()).toMatchObject({ sent: 2 });
    const bodies = receiver.requests.slice(before).map((r) => JSON.parse(r.body) as Record<string, unknown>);
    const hook = bodies.find((b) => "event" in b) as unknown as WebhookBody;
    expect(hook.event).toBe("regressed");
    expect(hook.owner).toEqual(owner);
    expect(hook.fixWhere).toBe(
      "Managed by Terraform at module.cache.aws_elasticache_replication_group.x (state prod.tfstate): fix it there; a change made here is undone by its next apply.",
    );
    expect(hook.ownerOverride).toEqual({
      runId: "run-override",
      reason: "incident 4411: queues evicting",
      by: "ana",
      at: new Date(t0 + 60_000).toISOString(),
    });
    const slack = bodies.find((b) => "text" in b) as { text: string };
    expect(slack.text).toContain("Managed by Terraform at module.cache.aws_elasticache_replication_group.x");
    expect(slack.text).toContain('(run run-override): "incident 4411: queues evicting"');
  });
});
