/**
 * The server the end-to-end tests run against, started by Playwright's webServer: the sandbox on
 * E2E_SANDBOX_PORT (fast apply delay, default seed, no persistence) and `next start` in demo mode, with the
 * demo's organization-mode accounts file, on
 * E2E_APP_PORT, with its own empty data directory (apply history, locks) so every run starts clean and
 * never touches the demo's. Its database is a PostgreSQL server of its own, not the embedded one: a spec
 * runs `npm run apply` as a second process beside the app, and both must see one history (the URL is left
 * in the data directory as `database-url` for it). Playwright's SIGTERM stops the Next server, then the
 * sandbox and the database.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoServerEnv, portFrom } from "@/lib/launch/launch-env";
import { TEST_PLAN_SIGNING_KEY } from "./plan-key";
import { buildIfNeeded } from "@/lib/launch/build-if-needed";
import { writeDemoAccountsFile } from "@/tools/demo/demo-accounts";
import { demoEngineEnv, demoWantsEngines } from "@/tools/demo/demo-engines";
import { startNextServer, superviseServer } from "@/lib/launch/next-server";
import { startSandbox } from "@/tools/sandbox";
import { startPostgres } from "./postgres-server";

async function main(): Promise<void> {
  const root = process.cwd();
  const appPort = portFrom(process.env.E2E_APP_PORT, 3100, "E2E_APP_PORT");
  const sandboxPort = portFrom(process.env.E2E_SANDBOX_PORT, 4600, "E2E_SANDBOX_PORT");
  await buildIfNeeded(root);
  // Real engines when redis-server is here (CI installs it), as the demo does.
  const engines = demoWantsEngines().on;
  const sandbox = await startSandbox({
    port: sandboxPort,
    applyDelayMs: 300,
    latencyMs: 0,
    seed: "default",
    engines,
  });
  const dataDir = process.env.E2E_DATA_DIR || mkdtempSync(path.join(tmpdir(), "queueready-e2e-"));
  const engineEnv = await demoEngineEnv(sandbox, dataDir);
  const postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase("queueready_e2e");
  writeFileSync(path.join(dataDir, "database-url"), databaseUrl, { mode: 0o600 });
  const env = {
    // The seeded organization, as `npm run demo` shows it: the specs see every member account.
    ...demoServerEnv(process.env, {
      port: appPort,
      sandboxUrl: sandbox.url,
      accountsFile: writeDemoAccountsFile(dataDir),
    }),
    QUEUEREADY_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    // The specs count the sandbox's AWS calls page by page: no background audit may add to them.
    QUEUEREADY_AUDIT_INTERVAL: "off",
    // The specs store a fresh audit with Refresh before each check: no cooldown between them.
    QUEUEREADY_REFRESH_MIN_AGE_SECONDS: "0",
    // "Download plan file" signs with it; the plan-file spec applies that file with the same key.
    QUEUEREADY_PLAN_SIGNING_KEY: TEST_PLAN_SIGNING_KEY,
    // Parallel workers walk the wizard as the same few users, faster than any person: no per-user limit.
    QUEUEREADY_PREVIEWS_PER_MINUTE: "100000",
    QUEUEREADY_WIZARD_READS_PER_MINUTE: "100000",
    ...engineEnv.env,
  };
  const server = startNextServer({ root, host: "127.0.0.1", port: appPort, env });
  superviseServer(server, async () => {
    await sandbox.close();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  console.log(`e2e: app http://127.0.0.1:${appPort}, sandbox ${sandbox.url}`);
}

main().catch((err: unknown) => {
  console.error(`e2e server failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
