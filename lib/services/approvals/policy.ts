/**
 * The approval policy in force: the environment's switch and TTL, plus the accounts the accounts file marks
 * `requireApproval: true` (an organization's flag covers every member). A broken accounts file fails closed:
 * every apply then needs approval (npm start refuses such a file anyway).
 */
import { approvalPolicyFromEnv, strictestPolicy, type ApprovalPolicy } from "@/lib/core/approvals/policy";
import type { Db } from "@/lib/adapters/db";
import { recordApprovalPolicy, recordedApprovalPolicy } from "@/lib/adapters/db/recorded-policy";
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

/**
 * Records the policy this app starts with, so `npm run apply` run elsewhere (CI, a terminal) applies it
 * too, whatever its own environment says (lib/adapters/db/recorded-policy.ts).
 */
export async function recordPolicyAtStart(db: Db, env: Env = process.env): Promise<void> {
  const read = approvalPolicy(env);
  // A malformed TTL stops `npm start` before the server starts; nothing to record then.
  if (read.ok) await recordApprovalPolicy(db, read.policy);
}

/** The policy `npm run apply` enforces: its own environment's, joined with the one the app recorded. */
export async function applyPolicy(
  db: Db,
  env: Env,
): Promise<{ ok: true; policy: ApprovalPolicy } | { ok: false; reason: string }> {
  const own = approvalPolicy(env);
  if (!own.ok) return own;
  return { ok: true, policy: strictestPolicy(own.policy, await recordedApprovalPolicy(db)) };
}
