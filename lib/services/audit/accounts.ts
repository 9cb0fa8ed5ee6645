/**
 * The audit of every account: which accounts and regions (the accounts file, or one account), then each
 * account-region read and judged with a bounded concurrency (AWS throttles per account and region). The
 * CLI, the scheduled audit and the benchmark share it. An account that cannot be reached keeps its
 * problem; a region that cannot be read is a failed RegionAudit; the other accounts are audited as usual.
 */
import { accountsConfigFromEnv, type AccountsConfig } from "@/lib/services/estate/accounts-file";
import { listAuditScopes, type AccountScope } from "@/lib/services/estate/scopes";
import { mapScopeRegions, scopeConcurrency } from "@/lib/services/estate/scope-runner";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { RegionAudit } from "@/lib/core/readiness";

/** One account's audit: its regions, or the problem that kept QueueReady out of it. */
export interface AccountAudit<R extends RegionAudit = RegionAudit> {
  accountId: string;
  accountName: string;
  problem?: AwsProblem;
  regions: R[];
}

export interface EstateSelection {
  /** Only these account ids (every configured one when empty); an unknown id is refused, naming the known. */
  accounts?: string[];
  /** These regions instead of each account's configured ones. */
  regions?: string[];
  /**
   * What "every account" means without a file: the CLI's `--all-accounts` asks the organization; the app
   * audits the one account of its credentials.
   */
  withoutFile: "organization" | "base";
}

export type EstateScopes =
  { ok: true; scopes: AccountScope[]; concurrency: number } | { ok: false; message: string };

// Without a file, the organization's accounts through the role AWS Organizations creates in each.
const ORGANIZATION: AccountsConfig = {
  organization: { memberRoleName: "OrganizationAccountAccessRole", exclude: [] },
};

/** The accounts and regions to audit, and how many account-regions to read at once. */
export async function resolveEstate(
  base: AwsSettings,
  env: Readonly<Record<string, string | undefined>>,
  selection: EstateSelection,
): Promise<EstateScopes> {
  let config: AccountsConfig | undefined;
  let concurrency: number;
  try {
    config = accountsConfigFromEnv(env as NodeJS.ProcessEnv);
    if (!config && selection.withoutFile === "organization") config = ORGANIZATION;
    concurrency = scopeConcurrency(env, config?.concurrency);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  let scopes = await listAuditScopes(base, config);
  const wanted = selection.accounts ?? [];
  if (wanted.length > 0) {
    const known = new Set(scopes.map((s) => s.accountId));
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length > 0) {
      const listed = scopes.map((s) => `${s.accountId} (${s.name})`).join(", ");
      return {
        ok: false,
        message: `Not among the configured accounts: ${missing.join(", ")}. They are: ${listed}.`,
      };
    }
    scopes = scopes.filter((s) => wanted.includes(s.accountId));
  }
  const regions = selection.regions ?? [];
  if (regions.length > 0) scopes = scopes.map((s) => ({ ...s, regions }));
  return { ok: true, scopes, concurrency };
}

/**
 * Audits every account-region of `scopes` with `audit` (which turns AWS failures into a failed RegionAudit,
 * never a throw), at most `concurrency` at once; the accounts come back in scope order.
 */
export async function auditScopes<R extends RegionAudit>(
  scopes: AccountScope[],
  concurrency: number,
  audit: (settings: AwsSettings, region: string) => Promise<R>,
): Promise<AccountAudit<R>[]> {
  const results = await mapScopeRegions(scopes, concurrency, (s, region) => audit(s, region));
  return scopes.map((s) => ({
    accountId: s.accountId,
    accountName: s.name,
    problem: s.settings ? undefined : s.problem,
    regions: results.flatMap((r) => (r.accountId === s.accountId && r.ok ? [r.value] : [])),
  }));
}
