/**
 * One target read again, with only what it references (the focused collect), and audited: what replaces
 * its stored row after an apply, undo or verify. In the app a worker thread runs it (./workers).
 */
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { TargetRef } from "@/lib/core/identity/identity";
import { auditTarget } from "@/lib/core/readiness";
import { collect } from "@/lib/services/collect/collect";
import { openScope } from "@/lib/services/estate/scope-access";
import type { AuditedTarget } from "./store-target";

export async function readAuditedTarget(settings: AwsSettings, ref: TargetRef): Promise<AuditedTarget> {
  const access = await openScope(settings, ref.region);
  if (access.scope.accountId !== ref.accountId)
    throw new Error(`The settings for ${ref.accountId} reach account ${access.scope.accountId}.`);
  const snapshot = await collect(access, { target: ref });
  return { snapshot, audit: auditTarget(snapshot, snapshot.focus) };
}
