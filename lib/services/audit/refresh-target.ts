import "server-only";
/**
 * After an apply, undo or engine verify finishes in the app, its stored row is replaced, so the status page
 * shows the change at once instead of at the next scheduled audit: from the apply's closing audit when there
 * is one, else from the target read again (that one target and what it references, the focused collect).
 * Best effort: a failed re-read leaves the row as the last audit stored it, and never fails the action.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { storeAuditedTarget, type AuditedTarget } from "./store-target";
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import { accountSettings } from "@/lib/services/estate";
import { collect } from "@/lib/services/collect/collect";
import { openScope } from "@/lib/services/estate/scope-access";
import type { TargetRef } from "@/lib/core/identity/identity";
import { auditTarget } from "@/lib/core/readiness";

/** Re-reads one target and replaces its stored row (or removes it when AWS says it is gone). */
export async function refreshStoredTarget(
  db: Db,
  settings: AwsSettings,
  ref: TargetRef,
  accountName?: string,
): Promise<void> {
  const access = await openScope(settings, ref.region);
  if (access.scope.accountId !== ref.accountId)
    throw new Error(`The settings for ${ref.accountId} reach account ${access.scope.accountId}.`);
  const snapshot = await collect(access, { target: ref });
  await storeAuditedTarget(db, { snapshot, audit: auditTarget(snapshot, snapshot.focus) }, accountName);
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
    if (audited) await storeAuditedTarget(db, audited, found.account.name);
    else await refreshStoredTarget(db, found.settings, ref, found.account.name);
  })().catch((err: unknown) => {
    const why =
      err instanceof AwsError ? err.problem.message : err instanceof Error ? err.message : String(err);
    console.warn(`The stored status of ${ref.id} was not refreshed: ${why}`);
  });
}
