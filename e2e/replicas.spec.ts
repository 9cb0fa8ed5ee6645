import { hostname } from "node:os";
import type { Page } from "@playwright/test";
import { DEFAULTS } from "../lib/apply/types";
import { startReplicaPair, type ReplicaPair } from "../lib/testing/replica-pair";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { SignInPage } from "./pages";
import { WIZARD_PAGES } from "./ui-checks";

// Two `npm start` replicas on one PostgreSQL and one sandbox (issue 12, "Replicas"), beside the e2e server.
const INTERVAL_MS = 10_000;
const LEASE_MS = DEFAULTS.staleAfterMs;

test.describe.configure({ mode: "serial", timeout: 120_000 });

let pair: ReplicaPair;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  pair = await startReplicaPair({
    // The modification stays `modifying` for a minute: the apply is still waiting on it when killed.
    applyDelayMs: 60_000,
    env: { QUEUEREADY_AUDIT_INTERVAL: "10s" },
  });
});

test.afterAll(async () => {
  await pair?.close();
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
  await expect(page.getByTestId("current-user")).toHaveText(/^viewer\s*viewer$/);

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

test("one apply per cluster across replicas; a replica killed mid-apply leaves a run the other shows as interrupted", async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  await signInAt(page, pair.a.url, "operator");
  // B's preview is recorded while the cluster is still available, so its Apply reaches the cluster's lease.
  const onB = await context.newPage();
  await onB.goto(`${pair.b.url}${WIZARD_PAGES.preview}`);
  await expect(onB.getByRole("button", { name: "Apply", exact: true })).toBeVisible();

  await page.goto(`${pair.a.url}${WIZARD_PAGES.preview}`);
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page).toHaveURL(/\/changes\/[0-9a-z-]+$/);
  const runId = new URL(page.url()).pathname.split("/").pop()!;

  await onB.getByRole("button", { name: "Apply", exact: true }).click();
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
