/**
 * `npm start`: QueueReady against a real AWS account. Refuses to start on a configuration that cannot
 * work (no session secret, nobody able to sign in, malformed regions), builds when needed, then runs
 * `next start`. AWS credentials come from the SDK's standard chain (see README).
 */
import { buildIfNeeded } from "./build-if-needed";
import { portFrom, startProblems } from "./launch-env";
import { startNextServer, superviseServer } from "./next-server";
import { serverNodeOptions } from "./heap-limit";

async function main(): Promise<void> {
  const root = process.cwd();
  const problems = startProblems(process.env);
  if (problems.length > 0) {
    console.error("QueueReady cannot start:");
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(2);
  }
  const port = portFrom(process.env.PORT, 3000, "PORT");
  const host = process.env.HOST?.trim() || "127.0.0.1";
  // next-auth must know the origin browsers use; default to this listener when none is given.
  const nextAuthUrl =
    process.env.NEXTAUTH_URL?.trim() || `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  if (!process.env.NEXTAUTH_URL) {
    console.warn(
      `NEXTAUTH_URL is not set; using ${nextAuthUrl}. Set it to the URL people open (e.g. https://queueready.example.com).`,
    );
  }
  if (process.env.QUEUEREADY_DEMO === "1" || process.env.QUEUEREADY_DEMO === "true") {
    console.warn(
      "QUEUEREADY_DEMO is set: the demo users viewer/operator are enabled. Unset it for a real account.",
    );
  }
  await buildIfNeeded(root);
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXTAUTH_URL: nextAuthUrl,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    NODE_OPTIONS: serverNodeOptions(process.env),
  };
  const server = startNextServer({ root, host, port, env });
  superviseServer(server, async () => {});
  console.log(`QueueReady on ${nextAuthUrl} (listening on ${host}:${port}).`);
}

main().catch((err: unknown) => {
  console.error(`QueueReady failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
