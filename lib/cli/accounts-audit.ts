/**
 * `npm run audit -- --all-accounts | --account ID`: the audit of every configured account and region
 * (lib/services/audit's, shared with the scheduled audit). An account that cannot be reached (a role that cannot be
 * assumed, Organizations not in use) or a region that cannot be read becomes an Unknown line with the
 * reason; the other accounts are audited as usual.
 */
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { auditLiveRegion } from "@/lib/services/audit/audit-regions";
import { auditEstateAccounts, type AccountAudit } from "@/lib/services/audit/accounts";
import { resolveEstate } from "@/lib/services/estate/estate";
import type { AuditArgs } from "./audit-args";

export type { AccountAudit };

export type AccountsAuditResult = { ok: true; accounts: AccountAudit[] } | { ok: false; message: string };

export async function auditAccounts(
  settings: AwsSettings,
  env: NodeJS.ProcessEnv,
  args: AuditArgs,
): Promise<AccountsAuditResult> {
  const estate = await resolveEstate(
    { settings, env, mode: args.allAccounts || args.accounts.length > 0 ? "all" : "configured" },
    { accounts: args.accounts, regions: args.regions },
  );
  if (!estate.ok) return estate;
  return {
    ok: true,
    accounts: await auditEstateAccounts(estate.accounts, estate.concurrency, auditLiveRegion),
  };
}
