/**
 * `npm run audit -- --all-accounts | --account ID`: the audit of every configured account and region. An
 * account that cannot be reached (a role that cannot be assumed, Organizations not in use) or a region that
 * cannot be read becomes an Unknown line with the reason; the other accounts are audited as usual.
 */
import {
  accountsConfigFromEnv,
  listAuditScopes,
  mapScopeRegions,
  scopeConcurrency,
  type AccountsConfig,
  type AwsProblem,
  type AwsSettings,
} from "@/lib/aws";
import { auditLiveRegion } from "@/lib/audit";
import type { RegionAudit } from "@/lib/readiness";
import type { AuditArgs } from "./audit-args";

/** One account's audit: its regions, or the problem that kept QueueReady out of it. */
export interface AccountAudit {
  accountId: string;
  accountName: string;
  problem?: AwsProblem;
  regions: RegionAudit[];
}

// Without a file, "every account" is the organization's, through the role AWS Organizations creates.
const DEFAULT_CONFIG: AccountsConfig = {
  organization: { memberRoleName: "OrganizationAccountAccessRole", exclude: [] },
};

export type AccountsAuditResult = { ok: true; accounts: AccountAudit[] } | { ok: false; message: string };

export async function auditAccounts(
  settings: AwsSettings,
  env: NodeJS.ProcessEnv,
  args: AuditArgs,
): Promise<AccountsAuditResult> {
  let config: AccountsConfig;
  let concurrency: number;
  try {
    config = accountsConfigFromEnv(env) ?? DEFAULT_CONFIG;
    concurrency = scopeConcurrency(env, config.concurrency);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  let scopes = await listAuditScopes(settings, config);
  if (args.accounts.length > 0) {
    const known = new Set(scopes.map((s) => s.accountId));
    const missing = args.accounts.filter((id) => !known.has(id));
    if (missing.length > 0) {
      const listed = scopes.map((s) => `${s.accountId} (${s.name})`).join(", ");
      return {
        ok: false,
        message: `Not among the configured accounts: ${missing.join(", ")}. They are: ${listed}.`,
      };
    }
    scopes = scopes.filter((s) => args.accounts.includes(s.accountId));
  }
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
