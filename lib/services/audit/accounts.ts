/**
 * The audit of every account the estate (lib/services/estate) selects: each account-region read and judged
 * with a bounded concurrency (AWS throttles per account and region). The CLI, the scheduled audit and the
 * benchmark share it. An account that cannot be reached keeps its problem; a region that cannot be read is
 * a failed RegionAudit; the other accounts are audited as usual.
 */
import type { EstateAccount } from "@/lib/services/estate/list-accounts";
import { mapAccountRegions } from "@/lib/services/estate/account-regions";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { RegionAudit } from "@/lib/core/readiness";

/** One account's audit: its regions, or the problem that kept QueueReady out of it. */
export interface AccountAudit<R extends { region: string } = RegionAudit> {
  accountId: string;
  accountName: string;
  problem?: AwsProblem;
  regions: R[];
}

/**
 * Audits every account-region of `accounts` with `audit` (which turns AWS failures into a failed
 * RegionAudit, never a throw), at most `concurrency` at once; the accounts come back in their order.
 */
export async function auditEstateAccounts<R extends { region: string }>(
  accounts: EstateAccount[],
  concurrency: number,
  audit: (settings: AwsSettings, region: string) => Promise<R>,
): Promise<AccountAudit<R>[]> {
  const results = await mapAccountRegions(accounts, concurrency, (s, region) => audit(s, region));
  return accounts.map((a) => ({
    accountId: a.accountId,
    accountName: a.name,
    problem: a.read ? undefined : a.problem,
    regions: results.flatMap((r) => (r.accountId === a.accountId && r.ok ? [r.value] : [])),
  }));
}
