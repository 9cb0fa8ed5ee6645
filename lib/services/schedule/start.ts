/**
 * Background work started with the server (instrumentation.ts): the scheduled audits and the delivery
 * worker that looks up causes of what they saw change and sends the notifications. A configuration
 * that cannot work is said once in the log and the server still serves pages; the readiness probe and
 * the metrics' last-audit time show that no audit is being stored.
 */
import os from "node:os";
import { estateConfiguration } from "@/lib/services/estate/estate";
import { readAwsSettings } from "@/lib/adapters/aws/settings";
import { causeFinder } from "@/lib/services/alerts/account-causes";
import { notificationsConfigFromEnv, type NotificationsConfig } from "@/lib/core/alerts/config";
import { createDeliveryWorker } from "@/lib/services/alerts/worker";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import { auditEstateInWorkers } from "@/lib/services/audit/workers/pooled-audit";
import { auditIntervalFromEnv } from "./interval";
import { createAuditScheduler } from "./scheduler";

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function startBackgroundWork(
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const { intervalMs, notifications } = backgroundWorkOf(env);
  if (intervalMs === null && !notifications) return;
  const aws = readAwsSettings(env);
  if (!aws.ok) {
    console.warn(`Scheduled audits and notifications are off: ${aws.problem.message}`);
    return;
  }
  try {
    const { db } = await defaultDatabase();
    const replica = `${os.hostname()}:${process.pid}`;
    if (notifications) startDeliveries(env, db, aws.settings, notifications, replica);
    if (intervalMs === null) return;
    createAuditScheduler({
      db,
      intervalMs,
      replica,
      // Off this thread: the pages this server answers keep their event loop while the audit runs.
      runAudit: () => auditEstateInWorkers(aws.settings, env),
      onError: (err) => console.error(`A scheduled audit failed: ${message(err)}`),
    }).start();
  } catch (err) {
    console.error(`Scheduled audits and notifications are off: the database did not open (${message(err)}).`);
  }
}

/**
 * What runs in the background: audits on their interval (null = off), and the delivery worker whenever audits
 * are scheduled or a channel is configured (audits started with Refresh record changes too, so a channel is
 * served even with the schedule off). With neither, nothing in the background calls AWS.
 */
export function backgroundWorkOf(env: Record<string, string | undefined>): {
  intervalMs: number | null;
  notifications?: NotificationsConfig;
} {
  let intervalMs: number | null = null;
  try {
    intervalMs = auditIntervalFromEnv(env);
  } catch (err) {
    console.error(`Scheduled audits are off: ${message(err)}`);
  }
  let notifications: NotificationsConfig | undefined;
  try {
    notifications = notificationsConfigFromEnv(env);
  } catch (err) {
    // A malformed configuration already stopped `npm start`; here it only turns notifications off.
    console.error(`Notifications are off: ${message(err)}`);
  }
  const channels = Boolean(notifications?.webhook ?? notifications?.slack);
  return { intervalMs, notifications: intervalMs !== null || channels ? notifications : undefined };
}

function startDeliveries(
  env: Record<string, string | undefined>,
  db: Db,
  settings: AwsSettings,
  config: NotificationsConfig,
  replica: string,
): void {
  try {
    // A broken accounts file turns notifications off, as it stops `npm start`.
    const configured = estateConfiguration(env);
    if (configured.kind === "broken") throw new Error(configured.message);
    const findCause = causeFinder({ settings, env });
    createDeliveryWorker({ db, config, replica, findCause }).start();
  } catch (err) {
    console.error(`Notifications are off: ${message(err)}`);
  }
}
