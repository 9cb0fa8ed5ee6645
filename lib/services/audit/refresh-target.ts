import "server-only";
/**
 * After an apply, undo or engine verify finishes in the app, its target is read again (that one target and
 * what it references, lib/core/model's focused collect) and its stored row replaced, so the status page
 * shows the change at once instead of at the next scheduled audit. Best effort: a failed re-read leaves
 * the row as the last audit stored it, and never fails the action that asked.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { targetStateOf } from "./stored-state";
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import { accountSettings } from "@/lib/services/estate";
import { allTargetStates } from "@/lib/adapters/db/target-state-queries";
import { replaceTargetState } from "@/lib/adapters/db/target-states";
import { collect } from "@/lib/services/collect/collect";
import { openScope } from "@/lib/services/estate/scope-access";
import type { TargetRef } from "@/lib/core/identity/identity";
import { auditTarget } from "@/lib/core/readiness";

/** Re-reads one target and replaces its stored row (or removes it when AWS says it is gone). */
export async function refreshStoredTarget(
  db: Db,
  settings: AwsSettings,
  ref: Omit<TargetRef, "accountId"> & { accountId?: string },
  accountName?: string,
): Promise<void> {
  const access = await openScope(settings, ref.region);
  const key = { ...ref, accountId: access.scope.accountId };
  const snapshot = await collect(access, { target: key });
  const audit = auditTarget(snapshot, snapshot.focus);
  const stored = { accountId: key.accountId, region: key.region, kind: key.kind, targetId: key.id };
  if (!audit) {
    const list =
      key.kind === "serverless"
        ? snapshot.serverlessCaches
        : key.kind === "cache-cluster"
          ? snapshot.cacheClusters
          : snapshot.replicationGroups;
    // Absent from a list that failed to read is unknown, not gone: keep the row.
    if (list.ok) await replaceTargetState(db, stored, undefined);
    return;
  }
  const previous = (
    await allTargetStates(
      db,
      { accountId: key.accountId, region: key.region, kind: key.kind, q: key.id },
      "name",
    )
  ).find((r) => r.targetId === key.id);
  const state = targetStateOf(audit, accountName ?? previous?.accountName ?? key.accountId);
  await replaceTargetState(db, stored, state);
}

/** For actions: refresh in the background of this process, logging (never throwing) a failure. */
export function refreshStoredTargetLater(
  ref: Omit<TargetRef, "accountId"> & { accountId?: string },
): Promise<void> {
  return (async () => {
    // The account's read credentials (its role), as the status page's audit reads it.
    const found = await accountSettings(ref.accountId, "read");
    if (!found.ok) return;
    const { db } = await defaultDatabase();
    await refreshStoredTarget(db, found.settings, ref, found.account.name);
  })().catch((err: unknown) => {
    const why =
      err instanceof AwsError ? err.problem.message : err instanceof Error ? err.message : String(err);
    console.warn(`The stored status of ${ref.id} was not refreshed: ${why}`);
  });
}
