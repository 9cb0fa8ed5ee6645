import "server-only";
/**
 * After an apply, undo or engine verify finishes in the app, its target is read again (that one target and
 * what it references, lib/inventory's focused collect) and its stored row replaced, so the status page
 * shows the change at once instead of at the next scheduled audit. Best effort: a failed re-read leaves
 * the row as the last audit stored it, and never fails the action that asked.
 */
import { AwsError, readAwsSettings, type AwsSettings } from "@/lib/aws";
import { resolveEstate } from "@/lib/audit";
import { targetStateOf } from "@/lib/audit/stored-state";
import { defaultDatabase, type Db } from "@/lib/db";
import { allTargetStates } from "@/lib/db/target-state-queries";
import { replaceTargetState } from "@/lib/db/target-states";
import { collect, openScope, type TargetRef } from "@/lib/inventory";
import { auditTarget } from "@/lib/readiness";
import { statusRow } from "./status-rows";
import { vpcNamesOf } from "./row-actions";

/** The read credentials of the target's account (the accounts file's role), else the base ones. */
async function readSettingsFor(base: AwsSettings, accountId: string | undefined): Promise<AwsSettings> {
  if (!accountId) return base;
  const estate = await resolveEstate(base, process.env, { withoutFile: "base" });
  const scope = estate.ok ? estate.scopes.find((s) => s.accountId === accountId) : undefined;
  return scope?.settings ?? base;
}

/** Re-reads one target and replaces its stored row (or removes it when AWS says it is gone). */
export async function refreshStoredTarget(
  db: Db,
  base: AwsSettings,
  ref: Omit<TargetRef, "accountId"> & { accountId?: string },
): Promise<void> {
  const settings = await readSettingsFor(base, ref.accountId);
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
  const row = statusRow(snapshot, snapshot.focus);
  const topology = row ? { [`${row.kind}:${row.name}`]: row.topology } : {};
  const state = targetStateOf(
    audit,
    { topology, vpcNames: vpcNamesOf(snapshot) },
    previous?.accountName ?? key.accountId,
  );
  await replaceTargetState(db, stored, state);
}

/** For actions: refresh in the background of this process, logging (never throwing) a failure. */
export function refreshStoredTargetLater(
  ref: Omit<TargetRef, "accountId"> & { accountId?: string },
): Promise<void> {
  return (async () => {
    const read = readAwsSettings(process.env);
    if (!read.ok) return;
    const { db } = await defaultDatabase();
    await refreshStoredTarget(db, read.settings, ref);
  })().catch((err: unknown) => {
    const why =
      err instanceof AwsError ? err.problem.message : err instanceof Error ? err.message : String(err);
    console.warn(`The stored status of ${ref.id} was not refreshed: ${why}`);
  });
}
