import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parsePlanFile } from "../lib/core/plan-file";
import { TEST_PLAN_SIGNING_KEY, testPlanKey } from "../tools/testing/plan-key";
import { WIZARD_PAGES } from "./ui-checks";
import { expect, sandbox, storageState, test } from "./fixtures";

/** `npm run apply` against the e2e server's sandbox and database, as an operator's terminal would run it. */
async function applyCli(args: string[]): Promise<{ code: number | null; output: string }> {
  const root = path.join(__dirname, "..");
  // The app's PostgreSQL server (tools/testing/e2e-server.ts): two processes share one history through it.
  const databaseUrl = await readFile(path.join(process.env.E2E_DATA_DIR!, "database-url"), "utf8");
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "test",
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    QUEUEREADY_AWS_ENDPOINT: process.env.E2E_SANDBOX_URL,
    QUEUEREADY_REGIONS: "us-east-1,eu-west-1",
    QUEUEREADY_DATA_DIR: process.env.E2E_DATA_DIR,
    DATABASE_URL: databaseUrl,
    AWS_ACCESS_KEY_ID: "AKIDSANDBOX",
    AWS_SECRET_ACCESS_KEY: "sandbox-secret",
    AWS_EC2_METADATA_DISABLED: "true",
    QUEUEREADY_PLAN_SIGNING_KEY: TEST_PLAN_SIGNING_KEY,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["lib/cli/apply.ts", ...args], {
      cwd: root,
      env,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

test.describe("plan files from the browser", () => {
  test.use({ storageState: storageState.operator });

  test("the preview's plan file applies from the CLI, and the history shows that run as CLI", async ({
    page,
  }, info) => {
    test.setTimeout(90_000);
    await sandbox("/_sandbox/reset", { method: "POST", body: { seed: "default" } });
    await page.goto(WIZARD_PAGES.preview);
    const link = page.getByRole("link", { name: "Download plan file" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const file = info.outputPath("orders.plan.json");
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe("queueready-plan-us-east-1-orders-redis7.plan.json");
    // Signed by the server with the key apply is given: the browser's file is one apply accepts.
    const read = parsePlanFile(await readFile(file, "utf8"), { key: testPlanKey() });
    expect(read.ok && read.signed).toBe(true);
    expect(read.ok && read.file.createdBy).toEqual({ name: "operator", via: "browser" });
    expect(read.ok && read.file.targets.map((t) => t.plan.target.id)).toEqual(["orders-redis7"]);

    // orders-redis7 belongs to the seeded orders-cache stack: refused (2, nothing applied) without a reason.
    const refused = await applyCli([file, "--yes", "--as", "ci-bot"]);
    expect(refused.code, refused.output).toBe(2);
    expect(refused.output).toContain("is owned by CloudFormation stack orders-cache");
    const applied = await applyCli([file, "--yes", "--as", "ci-bot", "--override-owner", "stack retired"]);
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toMatch(/✓ orders-redis7: ready/);

    await page.goto("/changes");
    const row = page.getByRole("row").filter({ hasText: "orders-redis7" }).filter({ hasText: "ci-bot" });
    await expect(row).toHaveCount(1);
    await expect(row.getByText("CLI", { exact: true })).toBeVisible();
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the plan file route gives no plan without a session", async ({ request }) => {
    // Not followed: the proxy's answer itself must be the refusal (a redirect to sign-in, no plan in it);
    // the route's own 401 below the proxy is covered in route.test.ts.
    const response = await request.get("/changes/plan/20260101t000000-abcdef/file", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toMatch(/\/sign-in\?callbackUrl=/);
    expect(response.headers()["content-disposition"]).toBeUndefined();
    expect(await response.text()).not.toContain("queueready-plan-file");
  });
});
