import "server-only";
/**
 * A manual audit of the whole estate (the status page's Refresh, and its first load when nothing is stored
 * yet): claimed through the audit slot row so one runs at a time across replicas, stored like a scheduled
 * one. A claim refused because an audit is already running is an answer, not an error.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { Db } from "@/lib/adapters/db";
import { claimManualAudit, latestFinishedRun, releaseManualAudit } from "@/lib/adapters/db/audit-runs";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { auditEstateInWorkers } from "@/lib/services/audit/workers/pooled-audit";
import { holdAudit } from "@/lib/services/audit/audit-lease";
import { refreshDecision, refreshMinAgeFromEnv } from "@/lib/services/audit/refresh-cooldown";

export type RefreshOutcome = { started: true; done: Promise<void> } | { started: false; message: string };

const clock = (d: Date) => `${d.toISOString().slice(11, 19)} UTC`;

export async function startManualAudit(
  db: Db,
  settings: AwsSettings,
  env: Readonly<Record<string, string | undefined>>,
  startedBy: string,
): Promise<RefreshOutcome> {
  const id = `manual-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  const claim = await claimManualAudit(db, { id, startedBy: `${startedBy}@${os.hostname()}:${process.pid}` });
  if (!claim.ok) {
    const since = claim.running ? ` (started at ${clock(claim.running.startedAt)})` : "";
    return {
      started: false,
      message: `An audit is already running${since}: this page shows its results when it finishes.`,
    };
  }
  const hold = holdAudit(db, id);
  const done = (async () => {
    try {
      // Read and judged in the worker pool, so the server's pages stay responsive; stored here.
      await storeAudit(db, id, await auditEstateInWorkers(settings, env));
      await releaseManualAudit(db, id, "finished");
    } catch (err) {
      await releaseManualAudit(db, id, "failed").catch(() => undefined);
      throw err;
    } finally {
      hold.stop();
    }
  })();
  return { started: true, done };
}

/**
 * The Refresh button: refused, with nothing started, while the last finished audit is younger than the
 * configured minimum age (QUEUEREADY_REFRESH_MIN_AGE_SECONDS); otherwise a manual audit as above.
 */
export async function startRefresh(
  db: Db,
  settings: AwsSettings,
  env: Readonly<Record<string, string | undefined>>,
  startedBy: string,
  now = new Date(),
): Promise<RefreshOutcome> {
  const last = await latestFinishedRun(db);
  const decision = refreshDecision({
    lastFinishedAt: last?.finishedAt ?? undefined,
    now,
    minAgeMs: refreshMinAgeFromEnv(env),
  });
  if (!decision.allowed) return { started: false, message: decision.message };
  return startManualAudit(db, settings, env, startedBy);
}
