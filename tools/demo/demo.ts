import { randomBytes } from "node:crypto";
/**
 * `npm run demo`: the whole product on this machine with no AWS account. Builds when needed, starts the
 * sandbox (a local AWS-compatible endpoint with a seeded organization) in this process, writes the accounts
 * file that reaches every member, then `next start` in demo mode pointed at it. Ctrl-C stops both.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "@/lib/web/auth/users";
import { startSandbox } from "@/tools/sandbox";
import { buildIfNeeded } from "@/lib/launch/build-if-needed";
import { writeDemoAccountsFile } from "./demo-accounts";
import { demoEngineEnv, demoWantsEngines } from "./demo-engines";
import { removeDemoEndpoint, writeDemoEndpoint } from "@/lib/launch/demo-endpoint";
import { demoServerEnv, portFrom } from "@/lib/launch/launch-env";
import { startNextServer, superviseServer } from "@/lib/launch/next-server";

async function main(): Promise<void> {
  const root = process.cwd();
  // The demo's build too: Next's anonymous usage data goes nowhere from a local demo.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const port = portFrom(process.env.PORT, 3000, "PORT");
  const sandboxPort = portFrom(process.env.SANDBOX_PORT, 4566, "SANDBOX_PORT");
  await buildIfNeeded(root);

  const dataDir = path.join(root, ".queueready");
  mkdirSync(dataDir, { recursive: true });
  const wanted = demoWantsEngines();
  // A 4 s apply delay makes the wizard's progress visible, like a (much faster) real ElastiCache change.
  const sandbox = await startSandbox({
    engines: wanted.on,
    port: sandboxPort,
    applyDelayMs: 4000,
    latencyMs: 30,
    seed: "default",
    persistFile: path.join(dataDir, "sandbox.json"),
  });

  const accountsFile = writeDemoAccountsFile(dataDir);
  const engines = await demoEngineEnv(sandbox, dataDir);
  // Plan files from the demo's browser and its `plan --demo` are signed; a throwaway key unless one is set.
  const ownKey = process.env.QUEUEREADY_PLAN_SIGNING_KEY?.trim();
  const planSigningKey = ownKey || randomBytes(32).toString("hex");
  const env: NodeJS.ProcessEnv = {
    ...demoServerEnv(process.env, { port, sandboxUrl: sandbox.url, accountsFile }),
    ...engines.env,
    QUEUEREADY_PLAN_SIGNING_KEY: planSigningKey,
  };
  // `npm run audit|plan|apply|verify -- --demo` read this to reach the same sandbox (and, for a key the
  // demo made, sign and verify plan files with it); gone again when the demo stops.
  writeDemoEndpoint(root, {
    url: sandbox.url,
    regions: env.QUEUEREADY_REGIONS!.split(","),
    ...(ownKey ? {} : { planSigningKey }),
  });
  const server = startNextServer({ root, host: "127.0.0.1", port, env });
  superviseServer(server, async () => {
    removeDemoEndpoint(root);
    await sandbox.close();
  });

  console.log(
    [
      "",
      "  QueueReady demo",
      `  Open        http://127.0.0.1:${port}`,
      `  Sign in     operator / ${DEMO_PASSWORD}   (can apply changes)`,
      `              viewer / ${DEMO_PASSWORD}     (look and preview only)`,
      `  Sandbox     ${sandbox.url}  (state kept in .queueready/sandbox.json; reset: curl -X POST -H 'content-type: application/json' ${sandbox.url}/_sandbox/reset)`,
      `  Accounts    the seeded organization: ${sandbox.control
        .accounts()
        .filter((a) => a.status === "ACTIVE")
        .map((a) => `${a.name} ${a.id}`)
        .join(", ")}`,
      "              (organization mode, .queueready/accounts.json)",
      "  CLI         npm run -s audit -- --demo; plan -- --demo --all --out p.json; apply -- --demo p.json",
      "              (the same sandbox, accounts and history, from a terminal)",
      ...(wanted.on ? engines.lines : [wanted.line]),
      "  Stop        Ctrl-C",
      "",
    ].join("\n"),
  );
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  const inUse = /EADDRINUSE/.test(message);
  console.error(
    inUse
      ? `A port is already in use (${message}). Set PORT or SANDBOX_PORT to free ones.`
      : `Demo failed to start: ${message}`,
  );
  process.exit(1);
});
