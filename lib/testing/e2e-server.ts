/**
 * The server the end-to-end tests run against, started by Playwright's webServer: the sandbox on
 * E2E_SANDBOX_PORT (fast apply delay, default seed, no persistence) and `next start` in demo mode on
 * E2E_APP_PORT, with its own empty data directory (apply history, locks) so every run starts clean and
 * never touches the demo's. Playwright's SIGTERM stops the Next server, then the sandbox.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoServerEnv, portFrom } from "@/lib/launch/launch-env";
import { buildIfNeeded } from "@/lib/launch/build-if-needed";
import { demoEngineEnv, demoWantsEngines } from "@/lib/launch/demo-engines";
import { startNextServer, superviseServer } from "@/lib/launch/next-server";
import { startSandbox } from "@/lib/sandbox";

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
  const env = {
    ...demoServerEnv(process.env, { port: appPort, sandboxUrl: sandbox.url }),
    QUEUEREADY_DATA_DIR: dataDir,
    ...engineEnv.env,
  };
  const server = startNextServer({ root, host: "127.0.0.1", port: appPort, env });
  superviseServer(server, async () => {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  console.log(`e2e: app http://127.0.0.1:${appPort}, sandbox ${sandbox.url}`);
}

main().catch((err: unknown) => {
  console.error(`e2e server failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
