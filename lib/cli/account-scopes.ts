/**
 * Which accounts a CLI command works on: `--all-accounts` (every configured account) or `--account ID`
 * (those of them), from QUEUEREADY_ACCOUNTS_FILE, or without a file every account of the organization through
 * the role AWS Organizations creates. Audit, plan and apply pick accounts the same way, so one that
 * `npm run audit -- --all-accounts` shows is one `npm run plan` can plan and `npm run apply` can apply.
 */
import {
  accountsConfigFromEnv,
  listAuditScopes,
  scopeConcurrency,
  type AccountScope,
  type AccountsConfig,
  type AwsSettings,
} from "@/lib/aws";

// Without a file, "every account" is the organization's, through the role AWS Organizations creates.
const DEFAULT_CONFIG: AccountsConfig = {
  organization: { memberRoleName: "OrganizationAccountAccessRole", exclude: [] },
};

export type AccountScopes =
  { ok: true; scopes: AccountScope[]; concurrency: number } | { ok: false; message: string };

/** `accountIds` empty: every configured account; otherwise exactly those, or a message naming the unknown ones. */
export async function accountScopes(
  settings: AwsSettings,
  env: NodeJS.ProcessEnv,
  accountIds: readonly string[],
): Promise<AccountScopes> {
  let config: AccountsConfig;
  let concurrency: number;
  try {
    config = accountsConfigFromEnv(env) ?? DEFAULT_CONFIG;
    concurrency = scopeConcurrency(env, config.concurrency);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  const scopes = await listAuditScopes(settings, config);
  if (accountIds.length === 0) return { ok: true, scopes, concurrency };
  const missing = notConfigured(scopes, accountIds);
  if (missing) return { ok: false, message: missing };
  return { ok: true, scopes: scopes.filter((s) => accountIds.includes(s.accountId)), concurrency };
}

/** The message for accounts that are not among `scopes`, or undefined when all are. */
export function notConfigured(scopes: AccountScope[], accountIds: readonly string[]): string | undefined {
  const known = new Set(scopes.map((s) => s.accountId));
  const missing = accountIds.filter((id) => !known.has(id));
  if (missing.length === 0) return undefined;
  const listed = scopes.map((s) => `${s.accountId} (${s.name})`).join(", ");
  return `Not among the configured accounts: ${missing.join(", ")}. They are: ${listed}.`;
}

/** "456789012345 (research): QueueReady cannot assume …" for an account that could not be reached. */
export function scopeProblemLine(scope: AccountScope): string {
  return `${scope.accountId} (${scope.name}): ${scope.problem?.message ?? "the account cannot be read."}`;
}
