/** Which credentials `npm run apply` applies each account of a plan file with (see accountsOf). */
import type { EstateAccount } from "@/lib/services/estate/list-accounts";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { callerIdentity } from "@/lib/services/estate/scope-access";
import type { PlanFile } from "@/lib/core/plan-file";
import { resolveEstate } from "@/lib/services/estate/estate";

export type Accounts =
  { ok: true; byId: Map<string, EstateAccount>; caller?: string } | { ok: false; message: string };

/**
 * The credentials each account of the plan is applied with. A plan for the credentials' own account, with no
 * QUEUEREADY_ACCOUNTS_FILE, is applied with them: the estate of one (and the file must name no other
 * account). Otherwise every account must be configured as `npm run plan -- --account` found it, and its
 * targets are applied with its APPLY settings (the apply role when the file names one): an account that is
 * not configured refuses the plan.
 */
export async function accountsOf(
  file: PlanFile,
  base: AwsSettings,
  env: NodeJS.ProcessEnv,
): Promise<Accounts> {
  const { accountId } = await callerIdentity(base);
  const own = !env.QUEUEREADY_ACCOUNTS_FILE?.trim() && file.accountIds.every((id) => id === accountId);
  const chosen = await resolveEstate(
    { settings: base, env, mode: own ? "own" : "all" },
    { accounts: file.accountIds },
  );
  if (!chosen.ok)
    return {
      ok: false,
      message: `The plan names an account QueueReady is not set up for, so nothing was applied. ${chosen.message}`,
    };
  const byId = new Map(chosen.accounts.map((a) => [a.accountId, a]));
  return own ? { ok: true, byId, caller: accountId } : { ok: true, byId };
}
