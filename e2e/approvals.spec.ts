/**
 * The two-person rule end to end (issue 21's done-when), on an app that requires approval everywhere: a plan
 * submitted from the terminal is refused until another operator approves it in the browser; its author
 * cannot approve it; an edited copy is refused; the approved file applies; the audit log shows each step
 * with the AWS request ids of the writes.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import type { Browser, Page } from "@playwright/test";
import { writeDemoEndpoint } from "../lib/launch/demo-endpoint";
import { demoServerEnv } from "../lib/launch/launch-env";
import { signPlanFile, withHash, type PlanFile } from "../lib/core/plan-file";
import { writeDemoAccountsFile } from "../tools/demo/demo-accounts";
import { startReplica, type AppReplica } from "../tools/testing/app-replica";
import { freePortSync } from "../tools/testing/free-port";
import { TEST_PLAN_SIGNING_KEY, testPlanKey } from "../tools/testing/plan-key";
import { startSandbox, type RunningSandbox } from "../tools/sandbox";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { SignInPage } from "./pages";
import { actionHeaders, builtActions } from "./server-actions";

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ storageState: { cookies: [], origins: [] } });

const ROOT = path.join(__dirname, "..");
const AUDIT_LOG_TOKEN = "7f3a9c1e5b2d8f4a6c0e9b3d7a1f5c8e2b4d6a0f";
const REVIEWER = { name: "bob", password: "bob-reviews-changes" };
let sandbox: RunningSandbox;
let app: AppReplica;
let demoRoot: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  sandbox = await startSandbox({ port: 0, applyDelayMs: 300, seed: "default" });
  demoRoot = mkdtempSync(path.join(tmpdir(), "qr-approvals-"));
  const dataDir = path.join(demoRoot, ".queueready");
  mkdirSync(dataDir, { recursive: true });
  writeDemoEndpoint(demoRoot, {
    url: sandbox.url,
    regions: ["us-east-1", "eu-west-1"],
    planSigningKey: TEST_PLAN_SIGNING_KEY,
  });
  const port = freePortSync();
  const env = {
    ...demoServerEnv(process.env, {
      port,
      sandboxUrl: sandbox.url,
      accountsFile: writeDemoAccountsFile(dataDir),
    }),
    QUEUEREADY_DATA_DIR: dataDir,
    QUEUEREADY_AUDIT_INTERVAL: "off",
    DATABASE_URL: "",
    QUEUEREADY_REQUIRE_APPROVAL: "1",
    QUEUEREADY_AUDIT_LOG_TOKEN: AUDIT_LOG_TOKEN,
    // A second operator beside the demo's own "operator": the reviewer.
    QUEUEREADY_USERS: JSON.stringify([
      { username: REVIEWER.name, role: "operator", passwordHash: bcrypt.hashSync(REVIEWER.password, 4) },
    ]),
  };
  app = await startReplica({ name: "approvals", port, env, root: ROOT });
});

test.afterAll(async () => {
  await app?.stop();
  await sandbox?.close();
  if (demoRoot) rmSync(demoRoot, { recursive: true, force: true });
});

/** `npm run <entry> -- --demo …` from the demo's directory, under the same approval policy as the app. */
function cli(
  entry: "plan" | "apply",
  args: string[],
): Promise<{ code: number | null; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env.PATH,
    HOME: demoRoot,
    AWS_EC2_METADATA_DISABLED: "true",
    QUEUEREADY_REQUIRE_APPROVAL: "1",
  };
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["--tsconfig", path.join(ROOT, "tsconfig.json"), path.join(ROOT, `lib/cli/${entry}.ts`), ...args],
      { cwd: demoRoot, env },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

async function signedIn(browser: Browser, user: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${app.url}/sign-in`);
  await new SignInPage(page).signIn(user, password);
  await expect(page).toHaveURL(`${app.url}/status`, { timeout: 60_000 });
  return page;
}

test("a CLI-submitted plan applies only once another operator approved it in the browser, as submitted", async ({
  browser,
}) => {
  // The app opens its embedded database on first use: a page first, so the CLI finds it held and shared.
  const author = await signedIn(browser, "operator", DEMO_PASSWORD);
  await author.goto(`${app.url}/changes/approvals`);
  await expect(author.getByText("No plan was submitted for approval yet.")).toBeVisible();
  const file = path.join(demoRoot, "stg.plan.json");
  const planned = await cli("plan", [
    "--demo",
    "--cluster",
    "stg-orders",
    "--out",
    file,
    "--submit",
    "--as",
    "operator",
    "--change-ref",
    "CHG-42",
  ]);
  expect(planned.code, planned.out + planned.err).toBe(1);
  const page = /Submitted for approval: (\/changes\/approvals\/[0-9a-z-]+)\n/.exec(planned.out)?.[1];
  expect(page, planned.out).toBeTruthy();

  const early = await cli("apply", ["--demo", file, "--yes", "--as", "operator"]);
  expect(early.code, early.out + early.err).toBe(2);
  expect(early.err).toContain("REFUSED, nothing was applied: awaiting approval");

  // The author sees the plan in full, and why they cannot approve it.
  await author.goto(`${app.url}${page}`);
  await expect(author.getByRole("heading", { name: "Plan for stg-orders" })).toBeVisible();
  await expect(author.getByText("Awaiting approval")).toBeVisible();
  await expect(author.getByText("CHG-42")).toBeVisible();
  await expect(author.getByLabel("Plan file")).toContainText('"id": "stg-orders"');
  await expect(
    author.getByText("You submitted this plan: another operator must approve or reject it."),
  ).toBeVisible();
  await expect(author.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await author.goto(`${app.url}/changes/approvals`);
  await expect(author.getByRole("link", { name: "stg-orders" })).toBeVisible();

  // Another operator: a forged post from another site changes nothing; a reject needs a comment; then Approve.
  const reviewer = await signedIn(browser, REVIEWER.name, REVIEWER.password);
  const decide = builtActions(ROOT).find((a) => a.name === "decideApprovalAction");
  expect(decide).toBeDefined();
  const id = page!.split("/").at(-1)!;
  const forged = await reviewer.request.post(`${app.url}${page}`, {
    headers: actionHeaders(decide!.id, "https://evil.example"),
    data: JSON.stringify([null, { id, decision: "approved" }]),
    maxRedirects: 0,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await forged.text()).not.toContain('"ok":true');
  await reviewer.goto(`${app.url}${page}`);
  await expect(reviewer.getByText("Awaiting approval")).toBeVisible();
  await expect(reviewer.getByRole("region", { name: "Steps for stg-orders" })).toContainText(
    "Give stg-orders parameter group bullmq-redis7-noeviction",
  );
  await reviewer.getByRole("button", { name: "Reject" }).click();
  await expect(
    reviewer.getByText("Say why you reject the plan: a comment is required.").first(),
  ).toBeVisible();
  await reviewer.getByRole("button", { name: "Approve" }).click();
  // The page shows the decision at once: approved by bob, and Apply offered to an operator.
  await expect(reviewer.getByText("Approved", { exact: true })).toBeVisible();
  await expect(reviewer.getByRole("definition").filter({ hasText: /^bob, / })).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Apply approved plan" })).toBeVisible();
  await reviewer.screenshot({ path: "test-results/screens/approval-approved.png", fullPage: true });

  // An edited copy, re-hashed and re-signed with the right key, is still not the approved plan.
  const original = JSON.parse(await readFile(file, "utf8")) as PlanFile;
  const edited = path.join(demoRoot, "edited.plan.json");
  const changed = signPlanFile(
    withHash({ ...original, createdBy: { name: "mallory", via: "cli" } }),
    testPlanKey(),
  );
  await writeFile(edited, JSON.stringify(changed, null, 2));
  const copy = await cli("apply", ["--demo", edited, "--yes", "--as", "operator"]);
  expect(copy.code, copy.out + copy.err).toBe(2);
  expect(copy.err).toContain("awaiting approval: this plan was never submitted");

  const applied = await cli("apply", ["--demo", file, "--yes", "--as", "operator"]);
  expect(applied.code, applied.out + applied.err).toBe(0);
  expect(applied.out).toMatch(/Approved by bob \(\/changes\/approvals\/[0-9a-z-]+, change CHG-42\)\./);
  expect(applied.out).toMatch(/✓ stg-orders: ready/);
  const runId = /✓ stg-orders: ready \(run ([0-9a-z-]+)\)/.exec(applied.out)![1];

  // The history marks the run as applied under the approved plan, and its page lists each write's request id.
  await author.goto(`${app.url}/changes`);
  const row = author.getByRole("row").filter({ hasText: "stg-orders" });
  await expect(row.getByRole("link", { name: "approved plan" })).toHaveAttribute("href", page!);
  await author.goto(`${app.url}/changes/${runId}`);
  await expect(author.getByText("(change CHG-42)")).toBeVisible();
  await expect(author.getByRole("list", { name: "AWS request ids" })).toContainText(
    "ModifyReplicationGroup: ",
  );

  // The trail, as a SIEM reads it: each step, the change reference, and every write's AWS request id.
  const log = await fetch(`${app.url}/api/audit-log`, {
    headers: { authorization: `Bearer ${AUDIT_LOG_TOKEN}` },
  });
  expect(log.status).toBe(200);
  const lines = (await log.text())
    .trimEnd()
    .split("\n")
    .map(
      (l) =>
        JSON.parse(l) as {
          event: string;
          actor: string;
          changeRef?: string;
          requestIds: { requestId: string }[];
        },
    );
  expect(lines.map((l) => [l.event, l.actor])).toEqual([
    ["submitted", "operator"],
    ["approved", "bob"],
    ["applied", "operator"],
  ]);
  expect(lines.every((l) => l.changeRef === "CHG-42")).toBe(true);
  expect(lines[2]!.requestIds.length).toBeGreaterThan(0);
  for (const w of lines[2]!.requestIds) expect(w.requestId).toMatch(/^[0-9a-f-]{20,}$/);
  expect((await fetch(`${app.url}/api/audit-log`)).status).toBe(401);
});
