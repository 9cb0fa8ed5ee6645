/**
 * The approval policy in force: the environment's switch and TTL, plus the accounts the accounts file marks
 * `requireApproval: true` (an organization's flag covers every member). A broken accounts file fails closed:
 * every apply then needs approval (npm start refuses such a file anyway).
 */
import { approvalPolicyFromEnv, type ApprovalPolicy } from "@/lib/core/approvals/policy";
import { AccountsConfigError, accountsConfigFromEnv } from "@/lib/services/estate/accounts-file";

type Env = Readonly<Record<string, string | undefined>>;

export function approvalPolicy(
  env: Env = process.env,
): { ok: true; policy: ApprovalPolicy } | { ok: false; reason: string } {
  let everywhereByFile = false;
  let accounts: string[] = [];
  try {
    const config = accountsConfigFromEnv(env);
    if (config && "accounts" in config)
      accounts = config.accounts.filter((a) => a.requireApproval).map((a) => a.id);
    else if (config) everywhereByFile = config.organization.requireApproval === true;
  } catch (err) {
    if (!(err instanceof AccountsConfigError)) throw err;
    everywhereByFile = true;
  }
  const read = approvalPolicyFromEnv(env, accounts);
  if (!read.ok) return read;
  return { ok: true, policy: { ...read.policy, everywhere: read.policy.everywhere || everywhereByFile } };
}
