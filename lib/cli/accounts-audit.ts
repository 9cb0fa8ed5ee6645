/**
 * `npm run audit -- --all-accounts | --account ID`: the audit of every configured account and region. An
 * account that cannot be reached (a role that cannot be assumed, Organizations not in use) or a region that
 * cannot be read becomes an Unknown line with the reason; the other accounts are audited as usual.
 */
import { mapScopeRegions, type AwsProblem, type AwsSettings } from "@/lib/aws";
import { auditLiveRegion } from "@/lib/audit";
import type { RegionAudit } from "@/lib/readiness";
import { accountScopes } from "./account-scopes";
import type { AuditArgs } from "./audit-args";

/** One account's audit: its regions, or the problem that kept QueueReady out of it. */
export interface AccountAudit {
  accountId: string;
  accountName: string;
  problem?: AwsProblem;
  regions: RegionAudit[];
}

export type AccountsAuditResult = { ok: true; accounts: AccountAudit[] } | { ok: false; message: string };

export async function auditAccounts(
  settings: AwsSettings,
  env: NodeJS.ProcessEnv,
  args: AuditArgs,
): Promise<AccountsAuditResult> {
  const chosen = await accountScopes(settings, env, args.accounts);
  if (!chosen.ok) return chosen;
  const { concurrency } = chosen;
  let { scopes } = chosen;
  if (args.regions.length > 0) scopes = scopes.map((s) => ({ ...s, regions: args.regions }));

  const results = await mapScopeRegions(scopes, concurrency, (s, region) => auditLiveRegion(s, region));
  return {
    ok: true,
    accounts: scopes.map((s) => ({
      accountId: s.accountId,
      accountName: s.name,
      problem: s.settings ? undefined : s.problem,
      regions: results.flatMap((r) => (r.accountId === s.accountId && r.ok ? [r.value] : [])),
    })),
  };
}
