/**
 * Verify one target by name: read its region live (as the status page does), find the cluster's audit
 * (its connection settings and what its parameter group says), then verify on the engine. Shared by the
 * CLI, the detail page's action and the check after an apply.
 */
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { auditLiveRegion } from "@/lib/services/audit/audit-regions";
import type { TargetRef } from "@/lib/core/model/snapshot";
import { readEngineRoutes } from "@/lib/adapters/redis/routes";
import { verifyEngine } from "./verify";
import type { Verification } from "@/lib/core/verify/verification";
import { readFileSync } from "node:fs";

export interface VerifyTargetRequest {
  region: string;
  id: string;
  kind?: TargetRef["kind"];
  accountId?: string;
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
  const audit = await auditLiveRegion(settings, req.region);
  if (audit.failed) return { ok: false, message: `${req.region} could not be read: ${audit.failed.message}` };
  const cluster = audit.clusters.find((c) => c.name === req.id && (!req.kind || c.kind === req.kind));
  if (!cluster) return { ok: false, message: `No cluster ${req.id} in ${req.region}.` };
  if (req.accountId && cluster.accountId !== req.accountId)
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
