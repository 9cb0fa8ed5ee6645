/**
 * The one place the scheduler (and a Refresh) meets the audit (lib/services/audit): every account and region of
 * the estate (listed afresh, which the pages then see too), a bounded number at once, turned into what
 * lib/db stores. When the audit's entry point changes, only this file follows.
 */
import { auditLiveRegion } from "@/lib/services/audit/audit-regions";
import { auditEstateAccounts } from "@/lib/services/audit/accounts";
import { resolveEstate } from "@/lib/services/estate/estate";
import { storedAccountsOf, toAuditResult } from "@/lib/services/audit/stored-state";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { AuditResult } from "@/lib/adapters/db/audits";

export interface AuditForStorageOptions {
  /** Account-regions read at once; default: QUEUEREADY_SCOPE_CONCURRENCY, the file's, or 8. */
  concurrency?: number;
}

/** Audits the whole estate; throws only when the accounts file itself cannot be used. */
export async function auditForStorage(
  settings: AwsSettings,
  env: Readonly<Record<string, string | undefined>>,
  opts: AuditForStorageOptions = {},
): Promise<AuditResult> {
  const estate = await resolveEstate({ settings, env, mode: "configured" });
  if (!estate.ok) throw new Error(estate.message);
  const accounts = await auditEstateAccounts(
    estate.accounts,
    opts.concurrency ?? estate.concurrency,
    auditLiveRegion,
  );
  return toAuditResult(estate.accounts, storedAccountsOf(accounts));
}
