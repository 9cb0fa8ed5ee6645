/**
 * Background work started with the server (instrumentation.ts): the scheduled audits and the delivery
 * worker that looks up causes of what they saw change and sends the notifications. A configuration
 * that cannot work is said once in the log and the server still serves pages; the readiness probe and
 * the metrics' last-audit time show that no audit is being stored.
 */
import os from "node:os";
import { accountsConfigFromEnv, readAwsSettings } from "@/lib/aws";
import { causeFinder } from "@/lib/alerts/account-causes";
import { notificationsConfigFromEnv } from "@/lib/alerts/config";
import { createDeliveryWorker } from "@/lib/alerts/worker";
import type { AwsSettings } from "@/lib/aws";
import { defaultDatabase, type Db } from "@/lib/db";
import { auditForStorage } from "@/lib/schedule/audit-adapter";
import { auditIntervalFromEnv } from "@/lib/schedule/interval";
import { createAuditScheduler } from "@/lib/schedule/scheduler";

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function startBackgroundWork(
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  let intervalMs: number | null;
  try {
    intervalMs = auditIntervalFromEnv(env);
  } catch (err) {
    console.error(`Scheduled audits are off: ${message(err)}`);
    return;
  }
  if (intervalMs === null) return;
  const aws = readAwsSettings(env);
  if (!aws.ok) {
    console.warn(`Scheduled audits are off: ${aws.problem.message}`);
    return;
  }
  try {
    const { db } = await defaultDatabase();
    const replica = `${os.hostname()}:${process.pid}`;
    startDeliveries(env, db, aws.settings, replica);
    createAuditScheduler({
      db,
      intervalMs,
      replica,
      runAudit: () => auditForStorage(aws.settings, env),
      onError: (err) => console.error(`A scheduled audit failed: ${message(err)}`),
    }).start();
  } catch (err) {
    console.error(`Scheduled audits are off: the database did not open (${message(err)}).`);
  }
}

/** Notifications: a malformed configuration already stopped `npm start`; here it only turns them off. */
function startDeliveries(
  env: Record<string, string | undefined>,
  db: Db,
  settings: AwsSettings,
  replica: string,
): void {
  try {
    const config = notificationsConfigFromEnv(env);
    const findCause = causeFinder(settings, accountsConfigFromEnv(env));
    createDeliveryWorker({ db, config, replica, findCause }).start();
  } catch (err) {
    console.error(`Notifications are off: ${message(err)}`);
  }
}
