/**
 * The verification that follows every successful apply: the engine is checked with the routes and CA of the
 * environment and the result stored as the target's last one. It has no token (tokens are never stored), so
 * an AUTH cluster records "needs its token" and the detail page asks for it. Never throws: the apply is done.
 */
import type { Db } from "@/lib/adapters/db";
import type { ClusterAudit } from "@/lib/core/readiness/types";
import { readEngineRoutes } from "@/lib/adapters/redis/routes";
import { saveVerification } from "@/lib/adapters/db/verifications";
import { verifyEngine } from "./verify";
import { readEngineCa } from "./verify-target";

export async function verifyAfterApply(
  db: Db,
  audit: ClusterAudit,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  try {
    const routes = readEngineRoutes(env);
    const ca = readEngineCa(env);
    if (!routes.ok || !ca.ok) return;
    const verification = await verifyEngine(audit, { routes: routes.routes, ca: ca.ca });
    await saveVerification(db, verification);
  } catch {
    // A check that could not even be recorded leaves the previous result in place, with its time.
  }
}
