/**
 * The verification that follows every successful apply: the engine is checked with the routes and CA of the
 * environment and the result stored as the target's last one. It has no token (tokens are never stored), so
 * an AUTH cluster records "needs its token" and the detail page asks for it. Never throws: the apply is done.
 */
import type { JsonStore } from "@/lib/store";
import type { ClusterAudit } from "@/lib/readiness/types";
import { readEngineRoutes } from "./routes";
import { jsonVerificationRepository } from "./verification-store";
import { verifyEngine } from "./verify";
import { readEngineCa } from "./verify-target";

export async function verifyAfterApply(
  store: JsonStore,
  audit: ClusterAudit,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  try {
    const routes = readEngineRoutes(env);
    const ca = readEngineCa(env);
    if (!routes.ok || !ca.ok) return;
    const verification = await verifyEngine(audit, { routes: routes.routes, ca: ca.ca });
    await jsonVerificationRepository(store).save(verification);
  } catch {
    // A check that could not even be recorded leaves the previous result in place, with its time.
  }
}
