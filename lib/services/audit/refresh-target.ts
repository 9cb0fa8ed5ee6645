import "server-only";
/**
 * After an apply, undo or engine verify finishes in the app, its stored row is replaced, so the status page
 * shows the change at once instead of at the next scheduled audit: from the apply's closing audit when there
 * is one, else from the target read again (that one target and what it references, the focused collect).
 * Best effort: a failed re-read leaves the row as the last audit stored it, and never fails the action.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import { readAwsSettings, type AwsSettings } from "@/lib/adapters/aws/settings";
import { storeAuditedTarget, type AuditedTarget } from "./store-target";
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import { accountSettings } from "@/lib/services/estate";
import { readAuditedTarget } from "./audited-target";
import type { TargetRef } from "@/lib/core/identity/identity";
import { readTargetInWorker } from "./workers/pooled-audit";

/** Re-reads one target and replaces its stored row (or removes it when AWS says it is gone). */
export async function refreshStoredTarget(
  db: Db,
  settings: AwsSettings,
  ref: TargetRef,
  accountName?: string,
): Promise<void> {
  await storeAuditedTarget(db, await readAuditedTarget(settings, ref), accountName);
}

/**
 * For actions: refresh in the background of this process, logging (never throwing) a failure. Given the
 * target as an action already read and audited it (an apply's closing audit), that is stored as it is.
 */
export function refreshStoredTargetLater(ref: TargetRef, audited?: AuditedTarget): Promise<void> {
  return (async () => {
    // The account's read credentials (its role), as the status page's audit reads it.
    const found = await accountSettings(ref.accountId, "read");
    if (!found.ok) return;
    const { db } = await defaultDatabase();
    if (!audited) {
      // Read by a worker thread (which finds the same account's settings), off the server's event loop.
      const base = readAwsSettings(process.env);
      if (!base.ok) return;
      audited = await readTargetInWorker(base.settings, process.env, ref);
    }
    await storeAuditedTarget(db, audited, found.account.name);
  })().catch((err: unknown) => {
    const why =
      err instanceof AwsError ? err.problem.message : err instanceof Error ? err.message : String(err);
    console.warn(`The stored status of ${ref.id} was not refreshed: ${why}`);
  });
}
