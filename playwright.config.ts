import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumForConfig } from "./tools/testing/chromium";
import { freePortSync } from "./tools/testing/free-port";

// This file is evaluated again in every worker: ports chosen once live in process.env, which workers inherit.
process.env.E2E_APP_PORT ??= String(freePortSync());
process.env.E2E_SANDBOX_PORT ??= String(freePortSync());
// The server's store (apply history, locks), known to specs that run `npm run apply` against it.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "queueready-e2e-"));
const appUrl = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;
// Tests reset the sandbox and inject faults through its control API at this URL.
process.env.E2E_SANDBOX_URL = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT}`;

const executablePath = chromiumForConfig(__dirname) ?? undefined;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  // Two cores shared by the server and the browser: one worker, tests in a predictable order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: appUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1360, height: 860 } },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    command: "node_modules/.bin/tsx tools/testing/e2e-server.ts",
    url: `${appUrl}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      E2E_APP_PORT: process.env.E2E_APP_PORT,
      E2E_SANDBOX_PORT: process.env.E2E_SANDBOX_PORT,
      E2E_DATA_DIR: process.env.E2E_DATA_DIR,
    },
  },
});
