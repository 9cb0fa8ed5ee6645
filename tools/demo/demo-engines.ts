/**
 * The demo's real engines: on when `redis-server` is on PATH (said either way), and the environment that
 * lets QueueReady reach them as a user's port forwards would: QUEUEREADY_ENGINE_ROUTES from the sandbox's
 * engine list, and QUEUEREADY_ENGINE_CA for the TLS engines' self-signed certificate.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { routesFromEngines } from "@/lib/launch/demo-engine-routes";
import type { RunningSandbox } from "@/tools/sandbox";
import { SANDBOX_AUTH_TOKEN, which } from "@/tools/sandbox/engines";

export function demoWantsEngines(): { on: boolean; line: string } {
  if (which("redis-server")) return { on: true, line: "" };
  return {
    on: false,
    line: "  Engines     off: redis-server not found (Debian: apt-get install redis-server); Verify will say the clusters are not reachable",
  };
}

export async function demoEngineEnv(
  sandbox: RunningSandbox,
  dataDir: string,
): Promise<{ env: Record<string, string>; lines: string[] }> {
  const engines = await sandbox.control.engines();
  if (engines.length === 0) return { env: {}, lines: [] };
  const env: Record<string, string> = {
    QUEUEREADY_ENGINE_ROUTES: JSON.stringify(routesFromEngines(engines)),
  };
  const ca = await sandbox.control.engineCa();
  if (ca) {
    env.QUEUEREADY_ENGINE_CA = path.join(dataDir, "engine-ca.pem");
    writeFileSync(env.QUEUEREADY_ENGINE_CA, ca);
  }
  return {
    env,
    lines: [
      `  Engines     ${engines.length} real redis-server processes behind the seeded clusters (${sandbox.url}/_sandbox/engines)`,
      `              AUTH token of secure-redis7: ${SANDBOX_AUTH_TOKEN}`,
    ],
  };
}
