/**
 * The app's audits, run by the worker pool instead of on the web server's event loop: the estate audit
 * (scheduled, Refresh, a first load) listed here and spread over the workers one account-region at a time,
 * and the re-read of one target after an apply. The database stays on this thread: only the results
 * cross. QUEUEREADY_AUDIT_WORKERS sets the pool's size (default: one per core, at most 4).
 */
import { randomUUID } from "node:crypto";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { AuditResult } from "@/lib/adapters/db/audits";
import type { TargetRef } from "@/lib/core/identity/identity";
import { resolveEstate } from "@/lib/services/estate/estate";
import { auditEstateAccounts } from "@/lib/services/audit/accounts";
import { toAuditResult } from "@/lib/services/audit/stored-state";
import type { AuditedTarget } from "@/lib/services/audit/store-target";
import { createWorkerPool, type WorkerPool } from "./worker-pool";
import { auditWorkerScript } from "./worker-script";
import { auditWorkersFromEnv } from "./pool-size";

type Env = Readonly<Record<string, string | undefined>>;

// On globalThis: `next dev` evaluates this module again after an edit, and its workers must not pile up.
const holder = globalThis as { queuereadyAuditPool?: WorkerPool };

/** This process's pool, started with the first audit. */
export function auditPool(env: Env = process.env): WorkerPool {
  holder.queuereadyAuditPool ??= createWorkerPool(auditWorkerScript(), auditWorkersFromEnv(env));
  return holder.queuereadyAuditPool;
}

/** A worker cannot be handed a credential provider: QueueReady's own settings are plain data (env, chain). */
function plain(settings: AwsSettings): AwsSettings {
  if (typeof settings.credentials === "function")
    throw new Error("An audit in a worker needs settings without a credential provider function.");
  return settings;
}

/** The estate audit, as auditForStorage does it, with each account-region read and judged by a worker. */
export async function auditEstateInWorkers(
  settings: AwsSettings,
  env: Env,
  pool: WorkerPool = auditPool(env),
): Promise<AuditResult> {
  const base = plain(settings);
  const estate = await resolveEstate({ settings: base, env, mode: "configured" });
  if (!estate.ok) throw new Error(estate.message);
  const listing = randomUUID();
  const copy = { ...env };
  // Each account's read settings are its own object: they say which account a region belongs to.
  const accountOf = new Map(estate.accounts.map((a) => [a.read, a]));
  const accounts = await auditEstateAccounts(estate.accounts, estate.concurrency, (read, region) => {
    const { accountId, name: accountName } = accountOf.get(read)!;
    return pool.run({ kind: "region", base, env: copy, accountId, accountName, region, listing });
  });
  return toAuditResult(estate.accounts, accounts);
}

/** One target read again and audited by a worker (its account's read settings, from the estate). */
export function readTargetInWorker(
  settings: AwsSettings,
  env: Env,
  ref: TargetRef,
  pool: WorkerPool = auditPool(env),
): Promise<AuditedTarget> {
  return pool.run({ kind: "target", base: plain(settings), env: { ...env }, ref });
}
