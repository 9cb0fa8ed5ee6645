/**
 * The estate as the app sees it: every configured account with the settings it is read with and applied
 * with, the role each runs as (for the IAM policy a person must grant), or the account's problem. Built on
 * lib/adapters/aws's `listAuditScopes`; no file means the one account of QueueReady's own credentials.
 */
import { AccountsConfigError, type AccountsConfig } from "./accounts-file";
import { listAuditScopes, type AccountScope } from "./scopes";
import type { AwsProblem } from "@/lib/core/model/resources";
import { isAccountId } from "@/lib/core/identity/identity";
import type { AwsSettings, AwsSettingsResult } from "@/lib/adapters/aws/settings";

/** What a step runs as when no role is assumed. */
export const OWN_CREDENTIALS = "QueueReady's own credentials";

export interface EstateAccount {
  accountId: string;
  name: string;
  regions: string[];
  /** Read-only pages and previews use these; absent when `problem` says why. */
  read?: AwsSettings;
  /** Apply, undo and verify use these; viewers' pages never do. */
  apply?: AwsSettings;
  /** The role ARN reads run as, or OWN_CREDENTIALS. */
  readRole: string;
  /** The role ARN changes run as, or OWN_CREDENTIALS. */
  applyRole: string;
  problem?: AwsProblem;
}

export type Estate = { ok: true; accounts: EstateAccount[] } | { ok: false; problem: AwsProblem };

function toAccount(scope: AccountScope): EstateAccount {
  return {
    accountId: scope.accountId,
    name: scope.name,
    regions: scope.regions,
    read: scope.problem ? undefined : scope.settings,
    apply: scope.problem ? undefined : scope.applySettings,
    readRole: scope.readRoleArn ?? OWN_CREDENTIALS,
    applyRole: scope.applyRoleArn ?? OWN_CREDENTIALS,
    problem: scope.problem,
  };
}

/**
 * Lists the estate once. A broken environment or accounts file is the whole estate's problem; an account
 * QueueReady cannot reach is that account's. Without a file, an unknown caller (STS refused) is a problem too.
 */
export async function loadEstate(
  base: AwsSettingsResult,
  readConfig: () => AccountsConfig | undefined,
): Promise<Estate> {
  if (!base.ok) return base;
  let config: AccountsConfig | undefined;
  try {
    config = readConfig();
  } catch (err) {
    if (!(err instanceof AccountsConfigError)) throw err;
    return { ok: false, problem: { code: "invalid-input", message: err.message, retryable: false } };
  }
  const scopes = await listAuditScopes(base.settings, config);
  const only = scopes[0];
  if (scopes.length === 1 && only?.accountId === "unknown" && only.problem)
    return { ok: false, problem: only.problem };
  return { ok: true, accounts: scopes.map(toAccount) };
}

/** A good estate is kept for minutes; one with a problem only for seconds, so a fix shows up soon. */
export function estateTtlMs(estate: Estate): number {
  const troubled = !estate.ok || estate.accounts.some((a) => a.problem);
  return troubled ? 60_000 : 5 * 60_000;
}

export type AccountLookup =
  | { ok: true; account: EstateAccount & { read: AwsSettings; apply: AwsSettings } }
  | { ok: false; notFound: true }
  | { ok: false; notFound: false; problem: AwsProblem; account?: EstateAccount };

/** The account `accountId` names in an estate: reachable, unreachable (with why), or not configured. */
export function lookupAccount(estate: Estate, accountId: string): AccountLookup {
  if (!isAccountId(accountId)) return { ok: false, notFound: true };
  if (!estate.ok) return { ok: false, notFound: false, problem: estate.problem };
  const account = estate.accounts.find((a) => a.accountId === accountId);
  if (!account) return { ok: false, notFound: true };
  if (account.problem || !account.read || !account.apply)
    return { ok: false, notFound: false, account, problem: account.problem ?? unreachable(account) };
  return { ok: true, account: { ...account, read: account.read, apply: account.apply } };
}

function unreachable(account: EstateAccount): AwsProblem {
  return {
    code: "no-credentials",
    message: `QueueReady has no credentials for ${account.name} (${account.accountId}).`,
    retryable: false,
  };
}
