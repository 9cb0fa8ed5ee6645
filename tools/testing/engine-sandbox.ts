/**
 * Test support for the engine tests: whether `redis-server` is here (CI installs it; without it the engine
 * tests skip with the reason printed), and the environment QueueReady needs to reach a sandbox's engines
 * (routes and the engines' CA), as the demo gives it.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe } from "vitest";
import { routesFromEngines } from "@/lib/launch/demo-engine-routes";
import type { RunningSandbox } from "@/tools/sandbox";
import { which } from "@/tools/sandbox/engines";

export const REDIS_SERVER = which("redis-server");

/** `describe`, or a skip with the reason printed when there is no redis-server to run. */
export function describeEngines(name: string, fn: () => void): void {
  if (REDIS_SERVER) {
    describe(name, fn);
    return;
  }
  console.warn(
    `[skip] ${name}: redis-server is not on PATH (.ci/run installs it; Debian: apt-get install redis-server)`,
  );
  describe.skip(name, fn);
}

/** QUEUEREADY_ENGINE_ROUTES and QUEUEREADY_ENGINE_CA for a running sandbox with engines. */
export async function engineEnv(sandbox: RunningSandbox): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    QUEUEREADY_ENGINE_ROUTES: JSON.stringify(routesFromEngines(await sandbox.control.engines())),
  };
  const ca = await sandbox.control.engineCa();
  if (ca) {
    const file = path.join(os.tmpdir(), `queueready-engine-ca-${process.pid}-${sandbox.port}.pem`);
    writeFileSync(file, ca);
    env.QUEUEREADY_ENGINE_CA = file;
  }
  return env;
}

/** The loopback port of one engine, by its cache cluster id. */
export async function enginePort(sandbox: RunningSandbox, cacheClusterId: string): Promise<number> {
  const e = (await sandbox.control.engines()).find((x) => x.cacheClusterId === cacheClusterId);
  if (!e) throw new Error(`No engine for ${cacheClusterId}`);
  return Number(e.address.split(":")[1]);
}
