/**
 * The terminal path beside a running app on the EMBEDDED database (issue 23 item 2), as `npm run demo`
 * runs it: `npm run plan -- --demo` and `npm run apply -- --demo` from a second process, while the app
 * holds `.queueready/pglite`. The apply is not refused; its run shows in the browser's history as CLI.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { writeDemoEndpoint } from "../lib/launch/demo-endpoint";
import { demoServerEnv } from "../lib/launch/launch-env";
import { writeDemoAccountsFile } from "../tools/demo/demo-accounts";
import { startReplica, type AppReplica } from "../tools/testing/app-replica";
import { freePortSync } from "../tools/testing/free-port";
import { startSandbox, type RunningSandbox } from "../tools/sandbox";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { SignInPage } from "./pages";
import { TEST_PLAN_SIGNING_KEY } from "../tools/testing/plan-key";

test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ storageState: { cookies: [], origins: [] } });

const ROOT = path.join(__dirname, "..");
let sandbox: RunningSandbox;
let app: AppReplica;
let demoRoot: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  sandbox = await startSandbox({ port: 0, applyDelayMs: 300, seed: "default" });
  // A demo's working directory: its endpoint file, its accounts file, its embedded database.
  demoRoot = mkdtempSync(path.join(tmpdir(), "qr-demo-root-"));
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
    // The embedded database, as the demo runs: the app holds it.
    DATABASE_URL: "",
  };
  app = await startReplica({ name: "demo", port, env, root: ROOT });
});

test.afterAll(async () => {
  await app?.stop();
  await sandbox?.close();
  if (demoRoot) rmSync(demoRoot, { recursive: true, force: true });
});

/** `npm run <entry> -- --demo …` from the demo's directory, as a second terminal runs it. */
function cli(
  entry: "plan" | "apply",
  args: string[],
): Promise<{ code: number | null; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env.PATH,
    HOME: demoRoot,
    AWS_EC2_METADATA_DISABLED: "true",
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

async function signIn(page: Page): Promise<void> {
  await page.goto(`${app.url}/sign-in`);
  await new SignInPage(page).signIn("operator", DEMO_PASSWORD);
  // This app's first request opens and migrates its embedded database (sign-in limits live there), which
  // takes more than the default wait on a busy 2-core machine.
  await expect(page).toHaveURL(`${app.url}/status`, { timeout: 60_000 });
}

test("an apply from the terminal beside the running app lands in the app's history, marked CLI", async ({
  page,
}) => {
  await signIn(page);
  const file = path.join(demoRoot, "stg.plan.json");
  const planned = await cli("plan", ["--demo", "--cluster", "stg-orders", "--out", file, "--as", "ops"]);
  expect(planned.code, planned.out + planned.err).toBe(1);
  expect(planned.err).toContain("Planned in 3 of 4 accounts, 6 account-regions in us-east-1, eu-west-1:");

  const applied = await cli("apply", ["--demo", file, "--yes", "--as", "ops"]);
  expect(applied.code, applied.out + applied.err).toBe(0);
  expect(applied.out).toMatch(/✓ stg-orders: ready/);

  await page.goto(`${app.url}/changes`);
  const row = page.getByRole("row").filter({ hasText: "stg-orders" }).filter({ hasText: "ops" });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("CLI", { exact: true })).toBeVisible();
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/demo-cli-history-${width}.png` });
  }
});
