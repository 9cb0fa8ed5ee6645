/**
 * Background work started with the server (instrumentation.ts): the scheduled audits. A configuration
 * that cannot work is said once in the log and the server still serves pages; the readiness probe and
 * the metrics' last-audit time show that no audit is being stored.
 */
import os from "node:os";
import { readAwsSettings } from "@/lib/aws";
import { defaultDatabase } from "@/lib/db";
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
    createAuditScheduler({
      db,
      intervalMs,
      replica: `${os.hostname()}:${process.pid}`,
      runAudit: () => auditForStorage(aws.settings, env),
      onError: (err) => console.error(`A scheduled audit failed: ${message(err)}`),
    }).start();
  } catch (err) {
    console.error(`Scheduled audits are off: the database did not open (${message(err)}).`);
  }
}
