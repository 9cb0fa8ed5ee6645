import { hostname } from "node:os";
import type { Page } from "@playwright/test";
import { DEFAULTS } from "../lib/services/apply/types";
import { startReplicaPair, type ReplicaPair } from "../tools/testing/replica-pair";
import { startWebhookReceiver, type WebhookReceiver } from "../tools/testing/webhook-receiver";
import { applyPreview } from "./apply";
import { awsCli } from "./aws-cli";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { SignInPage } from "./pages";
import { WIZARD_PAGES } from "./ui-checks";

// Two `npm start` replicas on one PostgreSQL and one sandbox (issue 12, "Replicas"), beside the e2e server.
const INTERVAL_MS = 10_000;
const LEASE_MS = DEFAULTS.staleAfterMs;

test.describe.configure({ mode: "serial", timeout: 120_000 });

// The modification stays `modifying` for a minute: the apply is still waiting on it when killed.
const APPLY_DELAY_MS = 60_000;

let pair: ReplicaPair;
let receiver: WebhookReceiver;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  receiver = await startWebhookReceiver();
  pair = await startReplicaPair({
    applyDelayMs: APPLY_DELAY_MS,
    env: { QUEUEREADY_AUDIT_INTERVAL: "10s", QUEUEREADY_WEBHOOK_URL: receiver.url },
  });
});

test.afterAll(async () => {
  await pair?.close();
  await receiver?.close();
});

async function signInAt(page: Page, url: string, user: "operator" | "viewer"): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await new SignInPage(page).signIn(user, DEMO_PASSWORD);
  await expect(page).toHaveURL(`${url}/status`);
}

test("a session made on A is valid on B, and signing out on A ends it on B", async ({ page, context }) => {
  await signInAt(page, pair.a.url, "viewer");
  const session = await context.cookies();
  expect(session.some((c) => c.name.includes("session-token"))).toBe(true);

  await page.goto(`${pair.b.url}/status`);
  await expect(page).toHaveURL(`${pair.b.url}/status`);
  await expect(page.getByTestId("current-user")).toHaveText(/^Signed in as viewer, role\s*viewer$/);

  await page.goto(`${pair.a.url}/status`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // The browser dropped its cookie; a copy taken before sign-out (a second tab, a thief) must not work on B.
  await context.clearCookies();
  await context.addCookies(session);
  await page.goto(`${pair.b.url}/status`);
  await expect(page).toHaveURL(new RegExp(`^${pair.b.url}/sign-in`));
  await page.goto(`${pair.a.url}/status`);
  await expect(page).toHaveURL(new RegExp(`^${pair.a.url}/sign-in`));
});

test("the scheduled audit runs exactly once per 10 s slot, whichever replica claims it", async () => {
  const replicas = new Set([...pair.a.serverPids(), ...pair.b.serverPids()].map((p) => `${hostname()}:${p}`));
  // Three whole slots that start after both replicas are up.
  const first = Math.ceil(Date.now() / INTERVAL_MS) * INTERVAL_MS;
  const slots = [0, 1, 2].map((i) => new Date(first + i * INTERVAL_MS).toISOString());
  type Row = { slot: string; started_by: string; finished: boolean; verdicts: number };
  const read = () =>
    pair.query<Row>(
      `select r.slot, r.started_by, r.finished_at is not null as finished,
              (select count(*)::int from target_verdicts v where v.audit_id = r.id) as verdicts
         from audit_runs r where r.slot = any($1) order by r.slot`,
      [slots],
    );
  await expect
    .poll(async () => (await read()).filter((r) => r.finished).length, {
      timeout: first + 3 * INTERVAL_MS + 30_000 - Date.now(),
      intervals: [1_000],
    })
    .toBe(3);
  const rows = await read();
  expect(rows.map((r) => r.slot)).toEqual(slots);
  for (const row of rows) {
    expect(replicas).toContain(row.started_by);
    expect(row.verdicts).toBeGreaterThan(0);
  }
  // The slot is unique in the schema; this says no replica found a way around it (e.g. a second slot format).
  const twice = await pair.query(`select slot from audit_runs group by slot having count(*) > 1`);
  expect(twice).toEqual([]);
  console.log(`audit slots: ${rows.map((r) => `${r.slot.slice(11, 19)} by ${r.started_by}`).join(", ")}`);
});

test("a transition's webhook arrives exactly once although both replicas run the delivery worker", async () => {
  const target = "secure-redis7";
  type Hook = {
    event: string;
    target: { region: string; kind: string; id: string };
    verdict: { before: string | null; after: string };
    cause: { summary: string } | null;
    changedRules: string[];
  };
  const regressed = () =>
    receiver.requests
      .map((r) => JSON.parse(r.body) as Hook)
      .filter((h) => h.event === "regressed" && h.target.id === target);
  // A quick modification for this one: the long delay is for the apply below.
  pair.sandbox.control.configure({ applyDelayMs: 200 });
  try {
    await awsCli(
      pair.sandbox.url,
      ...["elasticache", "modify-replication-group", "--replication-group-id", target],
      ...["--cache-parameter-group-name", "default.redis7", "--apply-immediately"],
    );
    await expect
      .poll(() => regressed().length, { timeout: 4 * INTERVAL_MS + 20_000, intervals: [500] })
      .toBeGreaterThan(0);
  } finally {
    pair.sandbox.control.configure({ applyDelayMs: APPLY_DELAY_MS });
  }
  // Two more audits, and both workers' polls (5 s) several times over: each had its chance to send it again.
  const seen = new Date();
  await expect
    .poll(async () => (await pair.query(`select id from audit_runs where finished_at > $1`, [seen])).length, {
      timeout: 3 * INTERVAL_MS + 20_000,
      intervals: [1_000],
    })
    .toBeGreaterThanOrEqual(2);
  expect(regressed()).toHaveLength(1);
  const hook = regressed()[0]!;
  expect(hook.target).toMatchObject({ region: "us-east-1", kind: "replication-group", id: target });
  expect(hook.verdict.before).toBe("ready");
  expect(hook.verdict.after).not.toBe("ready");
  // The cause is AWS's own event for the change (DescribeEvents), found by whichever replica sent it.
  expect(hook.cause?.summary).toMatch(/^Modified replication group \(replication-group secure-redis7\) at /);
  expect(hook.changedRules).toContain("eviction-policy");
  // Never twice, for any event (the first audit's "new" ones too): one delivery id per request received.
  const ids = receiver.requests.map((r) => r.headers["x-queueready-delivery"]);
  expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  console.log(`webhooks received: ${ids.length}, one per event; regressed ${target}: ${hook.cause?.summary}`);
});

test("one apply per cluster across replicas; a replica killed mid-apply leaves a run the other shows as interrupted", async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  await signInAt(page, pair.a.url, "operator");
  // B's preview is recorded while the cluster is still available, so its Apply reaches the cluster's lease.
  const onB = await context.newPage();
  await onB.goto(`${pair.b.url}${WIZARD_PAGES.preview}`);
  await expect(onB.getByRole("button", { name: "Apply anyway", exact: true })).toBeVisible();

  await page.goto(`${pair.a.url}${WIZARD_PAGES.preview}`);
  await applyPreview(page, { owned: true });
  await expect(page).toHaveURL(/\/changes\/[0-9a-z-]+$/);
  const runId = new URL(page.url()).pathname.split("/").pop()!;

  await applyPreview(onB, { owned: true });
  await expect(
    onB
      .getByRole("alert")
      .filter({ hasText: /An apply on orders-redis7 is already running \(started by operator/ }),
  ).toBeVisible();
  expect(await pair.query(`select id from apply_runs`)).toEqual([{ id: runId }]);

  // B shows A's run waiting on AWS: the middle of the apply.
  await onB.goto(`${pair.b.url}/changes/${runId}`);
  await expect(onB.getByTestId("run-message")).toHaveText(/^Waiting for orders-redis7/, { timeout: 30_000 });

  await pair.a.kill();
  const killedAt = Date.now();
  // The lease runs from the last sign of life, which may have come just before the kill.
  const [run] = await pair.query<{ beat: Date }>(`select heartbeat_at as beat from apply_runs`);
  const beat = run!.beat.getTime();
  expect(killedAt - beat).toBeLessThan(LEASE_MS / 3 + 3_000);
  await expect
    .poll(
      async () => {
        await onB.reload();
        return onB.getByTestId("run-message").textContent();
      },
      { timeout: LEASE_MS + 15_000, intervals: [500] },
    )
    .toContain("The server stopped while this apply was running");
  const seenAt = Date.now();
  console.log(
    `interrupted on B ${seenAt - killedAt} ms after A was killed, ${seenAt - beat} ms after its last heartbeat (lease ${LEASE_MS} ms)`,
  );
  // Within one lease period of the last heartbeat; the slack is one reload of the page on a busy machine.
  expect(seenAt - beat).toBeLessThanOrEqual(LEASE_MS + 4_000);
  expect(seenAt - killedAt).toBeLessThanOrEqual(LEASE_MS + 4_000);
});

test("with A gone, B alone claims and runs the next scheduled audit", async () => {
  const next = new Date(Math.ceil(Date.now() / INTERVAL_MS) * INTERVAL_MS).toISOString();
  const claimedBy = async () =>
    (
      await pair.query<{ started_by: string }>(
        `select started_by from audit_runs where slot = $1 and finished_at is not null`,
        [next],
      )
    ).map((r) => r.started_by);
  await expect
    .poll(async () => (await claimedBy()).length, { timeout: 2 * INTERVAL_MS + 20_000, intervals: [1_000] })
    .toBe(1);
  expect(pair.b.serverPids().map((p) => `${hostname()}:${p}`)).toContain((await claimedBy())[0]);
});
