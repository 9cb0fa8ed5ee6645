/** Which credentials `npm run apply` applies each account of a plan file with (see accountsOf). */
import type { AccountScope } from "@/lib/services/estate/scopes";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { callerIdentity } from "@/lib/services/estate/scope-access";
import type { PlanFile } from "@/lib/core/plan-file";
import { resolveEstate } from "@/lib/services/audit/accounts";

export type Accounts =
  { ok: true; byId: Map<string, AccountScope>; caller?: string } | { ok: false; message: string };

/**
 * The credentials each account of the plan is applied with. A plan for the credentials' own account, with no
 * QUEUEREADY_ACCOUNTS_FILE, is applied with them (and the file must name no other account). Otherwise every
 * account must be configured as `npm run plan -- --account` found it, and its targets are applied with its
 * APPLY settings (the apply role when the file names one): an account that is not configured refuses the plan.
 */
export async function accountsOf(
  file: PlanFile,
  base: AwsSettings,
  env: NodeJS.ProcessEnv,
): Promise<Accounts> {
  const { accountId } = await callerIdentity(base);
  if (!env.QUEUEREADY_ACCOUNTS_FILE?.trim() && file.accountIds.every((id) => id === accountId)) {
    const own = { accountId, name: accountId, regions: base.regions, settings: base, applySettings: base };
    return { ok: true, byId: new Map([[accountId, own]]), caller: accountId };
  }
  const chosen = await resolveEstate(base, env, { accounts: file.accountIds, withoutFile: "organization" });
  if (!chosen.ok)
    return {
      ok: false,
      message: `The plan names an account QueueReady is not set up for, so nothing was applied. ${chosen.message}`,
    };
  return { ok: true, byId: new Map(chosen.scopes.map((s) => [s.accountId, s])) };
}
