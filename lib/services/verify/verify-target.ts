/**
 * Verify one target by name: read that target live, focused (it and what it references, as the detail page
 * does, not its whole region), audit it (its connection settings and what its parameter group says), then
 * verify on the engine. Shared by the CLI, the detail page's action and the check after an apply.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { collect } from "@/lib/services/collect/collect";
import { openScope } from "@/lib/services/estate/scope-access";
import { auditTarget } from "@/lib/core/readiness/audit";
import type { ClusterAudit } from "@/lib/core/readiness/types";
import type { TargetRef } from "@/lib/core/model/snapshot";
import { readEngineRoutes } from "@/lib/adapters/redis/routes";
import { verifyEngine } from "./verify";
import type { Verification } from "@/lib/core/verify/verification";
import { readFileSync } from "node:fs";

export interface VerifyTargetRequest {
  region: string;
  id: string;
  kind?: TargetRef["kind"];
  /** The account the settings reach: a different one is refused, never verified by mistake. */
  accountId: string;
  token?: string;
  username?: string;
  timeoutMs?: number;
  prefix?: string;
}

export type VerifyTargetResult = { ok: true; verification: Verification } | { ok: false; message: string };

/** The extra CA to trust (QUEUEREADY_ENGINE_CA, a PEM file), for engines a public CA did not sign. */
export function readEngineCa(
  env: Record<string, string | undefined>,
): { ok: true; ca?: string } | { ok: false; message: string } {
  const file = env.QUEUEREADY_ENGINE_CA?.trim();
  if (!file) return { ok: true };
  try {
    return { ok: true, ca: readFileSync(file, "utf8") };
  } catch {
    return { ok: false, message: `QUEUEREADY_ENGINE_CA names ${file}, which cannot be read.` };
  }
}

export async function verifyTarget(
  settings: AwsSettings,
  req: VerifyTargetRequest,
  env: Record<string, string | undefined> = process.env,
): Promise<VerifyTargetResult> {
  const routes = readEngineRoutes(env);
  if (!routes.ok) return routes;
  const ca = readEngineCa(env);
  if (!ca.ok) return ca;
  const found = await auditOne(settings, req);
  if (!found.ok) return found;
  const cluster = found.audit;
  if (cluster.accountId !== req.accountId)
    return {
      ok: false,
      message: `The AWS credentials reach account ${cluster.accountId}, not ${req.accountId}: use that account's credentials.`,
    };
  const verification = await verifyEngine(cluster, {
    routes: routes.routes,
    ca: ca.ca,
    token: req.token,
    username: req.username,
    timeoutMs: req.timeoutMs,
    prefix: req.prefix,
  });
  return { ok: true, verification };
}

/** Kinds tried for a name given without one, in the order a region's audit lists its targets. */
const KINDS: TargetRef["kind"][] = ["replication-group", "cache-cluster", "serverless", "memorydb-cluster"];

/**
 * The target's audit from a focused read. A name without a kind is read as each kind in turn until one
 * holds it (each read is small: the cluster list and the one target's references).
 */
async function auditOne(
  settings: AwsSettings,
  req: VerifyTargetRequest,
): Promise<{ ok: true; audit: ClusterAudit } | { ok: false; message: string }> {
  try {
    const access = await openScope(settings, req.region);
    for (const kind of req.kind ? [req.kind] : KINDS) {
      const target = { accountId: access.scope.accountId, region: req.region, kind, id: req.id };
      const snapshot = await collect(access, { target });
      const audit = auditTarget(snapshot, snapshot.focus);
      if (audit) return { ok: true, audit };
    }
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    return { ok: false, message: `${req.region} could not be read: ${err.problem.message}` };
  }
  return { ok: false, message: `No cluster ${req.id} in ${req.region}.` };
}
