/**
 * `npm run verify -- --demo`: verify against the running demo's sandbox without copying anything from its
 * banner. The AWS side as `audit --demo` does it (the endpoint file the demo writes, dummy keys); the engine
 * side asks the sandbox for its engines (routes) and uses the CA file the demo wrote.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { readAwsSettings, type AwsSettings } from "@/lib/adapters/aws/settings";
import { routesFromEngines, type ListedEngine } from "@/lib/launch/demo-engine-routes";
import { DEMO_CREDENTIALS, readDemoEndpoint } from "@/lib/launch/demo-endpoint";

export type DemoVerifySetup =
  { ok: true; settings: AwsSettings; env: Record<string, string> } | { ok: false; message: string };

export async function demoVerifySetup(root: string): Promise<DemoVerifySetup> {
  const found = readDemoEndpoint(root);
  if (!found.ok) return found;
  const { url, regions } = found.endpoint;
  const read = readAwsSettings({ QUEUEREADY_AWS_ENDPOINT: url, QUEUEREADY_REGIONS: regions.join(",") });
  if (!read.ok) return { ok: false, message: read.problem.message };
  let engines: ListedEngine[];
  try {
    const res = await fetch(`${url}/_sandbox/engines`, { signal: AbortSignal.timeout(3000) });
    engines = (await res.json()) as ListedEngine[];
  } catch {
    return { ok: false, message: `The demo's sandbox at ${url} does not answer: is the demo still running?` };
  }
  const env: Record<string, string> = {
    QUEUEREADY_ENGINE_ROUTES: JSON.stringify(routesFromEngines(engines)),
  };
  const ca = path.join(root, ".queueready", "engine-ca.pem");
  if (existsSync(ca)) env.QUEUEREADY_ENGINE_CA = ca;
  return { ok: true, settings: { ...read.settings, credentials: DEMO_CREDENTIALS }, env };
}
