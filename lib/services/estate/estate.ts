/**
 * The estate: the one list of the accounts QueueReady works on, with the settings each is read with and
 * applied with, the role each runs as (for the IAM policy a person must grant), or the account's problem.
 * The accounts file, the AWS Organization, or the credentials' own account as an estate of one; listed by
 * ./list-accounts.ts and kept in one cache, per process, for a few minutes (see estateTtlMs). The pages,
 * actions, the scheduled audit, the alerts' cause lookup and every CLI command ask here.
 * A URL's account is only ever looked up here: an account that is not configured is a 404, never a probe.
 */
import { AccountsConfigError, accountsConfigFromEnv, type AccountsConfig } from "./accounts-file";
import { scopeConcurrency } from "./account-regions";
import { listEstateAccounts, OWN_CREDENTIALS, type EstateAccount } from "./list-accounts";
import { ttlCache } from "./ttl-cache";
import type { AwsProblem } from "@/lib/core/model/resources";
import { isAccountId } from "@/lib/core/identity/identity";
import {
  credentialsLabel,
  readAwsSettings,
  type AwsSettings,
  type AwsSettingsResult,
} from "@/lib/adapters/aws/settings";

export { OWN_CREDENTIALS, type EstateAccount } from "./list-accounts";

type Env = Readonly<Record<string, string | undefined>>;

export type Estate = { ok: true; accounts: EstateAccount[] } | { ok: false; problem: AwsProblem };

/**
 * Which accounts make the estate:
 * - `configured`: the accounts file, else the credentials' own account (the app, the scheduled audit);
 * - `all`: the accounts file, else the AWS Organization (the CLI's `--all-accounts` and `--account`);
 * - `own`: the credentials' own account only, whatever the file says (the CLI without those flags).
 */
export type EstateMode = "configured" | "all" | "own";

export interface EstateSource {
  /** The base credentials; default: the environment's. */
  settings?: AwsSettings;
  /** The environment the accounts file (and the default settings) are read from; default process.env. */
  env?: Env;
  /** Default `configured`. */
  mode?: EstateMode;
}

/** The listing as kept: every account (an unknown caller included, as its one problem account). */
type Listing =
  { ok: true; accounts: EstateAccount[]; fileConcurrency?: number } | { ok: false; problem: AwsProblem };

// Without a file, the organization's accounts through the role AWS Organizations creates in each.
const ORGANIZATION: AccountsConfig = {
  organization: { memberRoleName: "OrganizationAccountAccessRole", exclude: [] },
};

async function list(
  base: AwsSettingsResult,
  readConfig: () => AccountsConfig | undefined,
  mode: EstateMode,
): Promise<Listing> {
  if (!base.ok) return base;
  let config: AccountsConfig | undefined;
  if (mode !== "own") {
    try {
      config = readConfig();
    } catch (err) {
      if (!(err instanceof AccountsConfigError)) throw err;
      return { ok: false, problem: { code: "invalid-input", message: err.message, retryable: false } };
    }
    if (!config && mode === "all") config = ORGANIZATION;
  }
  return {
    ok: true,
    accounts: await listEstateAccounts(base.settings, config),
    fileConcurrency: config?.concurrency,
  };
}

/** The app's view: a caller STS refused (no file) is the whole estate's problem, not an account's. */
function toEstate(listing: Listing): Estate {
  if (!listing.ok) return listing;
  const only = listing.accounts[0];
  if (listing.accounts.length === 1 && only?.accountId === "unknown" && only.problem)
    return { ok: false, problem: only.problem };
  return { ok: true, accounts: listing.accounts };
}

/**
 * Lists an estate without the cache. A broken environment or accounts file is the whole estate's problem;
 * an account QueueReady cannot reach is that account's. Without a file, an unknown caller is a problem too.
 */
export async function loadEstate(
  base: AwsSettingsResult,
  readConfig: () => AccountsConfig | undefined,
): Promise<Estate> {
  return toEstate(await list(base, readConfig, "configured"));
}

/** A good estate is kept for minutes; one with a problem only for seconds, so a fix shows up soon. */
export function estateTtlMs(listing: Listing): number {
  const troubled = !listing.ok || listing.accounts.some((a) => a.problem);
  return troubled ? 60_000 : 5 * 60_000;
}

const ENV_KEYS = [
  "QUEUEREADY_AWS_ENDPOINT",
  "AWS_ENDPOINT_URL",
  "QUEUEREADY_REGIONS",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "QUEUEREADY_MAX_ATTEMPTS",
  "QUEUEREADY_ACCOUNTS_FILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_PROFILE",
] as const;

const cache = ttlCache<Listing>({ ttlMs: estateTtlMs });

/** What the listing was made from: the mode, the settings and the environment, secrets excluded. */
function keyOf(base: AwsSettingsResult, env: Env, mode: EstateMode): string {
  const s = base.ok ? base.settings : undefined;
  const settings = s && [s.endpoint, s.regions, s.maxAttempts, s.accountId, credentialsLabel(s)];
  return JSON.stringify([mode, settings ?? null, ...ENV_KEYS.map((k) => env[k] ?? null)]);
}

function listed(source: EstateSource, fresh: boolean): Promise<Listing> {
  const env = source.env ?? process.env;
  const mode = source.mode ?? "configured";
  const base: AwsSettingsResult = source.settings
    ? { ok: true, settings: source.settings }
    : readAwsSettings(env);
  const load = () => list(base, () => accountsConfigFromEnv(env), mode);
  const key = keyOf(base, env, mode);
  return fresh ? cache.reload(key, load) : cache.get(key, load);
}

/** Every account of the estate (cached; `fresh` lists it again and keeps that). */
export async function getEstate(source: EstateSource = {}, opts: { fresh?: boolean } = {}): Promise<Estate> {
  return toEstate(await listed(source, opts.fresh ?? false));
}

/** Forgets the cached estate (tests, and after the accounts file changes). */
export function clearEstate(): void {
  cache.clear();
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

/** One account of the app's estate: its settings and roles, its problem, or not configured (a 404). */
export async function findAccount(accountId: string): Promise<AccountLookup> {
  return lookupAccount(await getEstate(), accountId);
}

/** The account of QueueReady's own credentials (the first one without a role), for old links. */
export async function baseAccountId(): Promise<string | undefined> {
  const estate = await getEstate();
  if (!estate.ok) return undefined;
  return (estate.accounts.find((a) => a.readRole === OWN_CREDENTIALS) ?? estate.accounts[0])?.accountId;
}

export type AccountSettings =
  | { ok: true; settings: AwsSettings; account: EstateAccount }
  | { ok: false; notFound: true; message: string }
  | { ok: false; notFound: false; problem: AwsProblem };

/**
 * The settings to read (`read`) or change (`apply`) `accountId` with; no id = QueueReady's own account.
 * Only actions that change something ask for `apply`, so a viewer's page never assumes the apply role.
 */
export async function accountSettings(
  accountId: string | undefined,
  purpose: "read" | "apply",
  source: EstateSource = {},
): Promise<AccountSettings> {
  const estate = await getEstate(source);
  if (!estate.ok) return { ok: false, notFound: false, problem: estate.problem };
  const id = accountId ?? (await baseAccountId());
  const found = lookupAccount(estate, id ?? "");
  if (found.ok) return { ok: true, settings: found.account[purpose], account: found.account };
  if (found.notFound)
    return { ok: false, notFound: true, message: `Account ${id} is not one QueueReady is configured for.` };
  return { ok: false, notFound: false, problem: found.problem };
}

export interface EstateSelection {
  /** Only these account ids (every account when empty); an unknown id is refused, naming the known. */
  accounts?: string[];
  /** These regions instead of each account's configured ones. */
  regions?: string[];
}

export type SelectedAccounts =
  { ok: true; accounts: EstateAccount[]; concurrency: number } | { ok: false; message: string };

/**
 * The accounts and regions a run works on (listed afresh, and kept for the pages), and how many
 * account-regions to read at once. An unknown caller stays an account with its problem here, so a
 * command can say which account it could not reach.
 */
export async function resolveEstate(
  source: EstateSource,
  selection: EstateSelection = {},
): Promise<SelectedAccounts> {
  const listing = await listed(source, true);
  if (!listing.ok) return { ok: false, message: listing.problem.message };
  let concurrency: number;
  try {
    concurrency = scopeConcurrency(source.env ?? process.env, listing.fileConcurrency);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  let accounts = listing.accounts;
  const wanted = selection.accounts ?? [];
  if (wanted.length > 0) {
    const known = new Set(accounts.map((a) => a.accountId));
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length > 0) {
      const listedNames = accounts.map((a) => `${a.accountId} (${a.name})`).join(", ");
      return {
        ok: false,
        message: `Not among the configured accounts: ${missing.join(", ")}. They are: ${listedNames}.`,
      };
    }
    accounts = accounts.filter((a) => wanted.includes(a.accountId));
  }
  const regions = selection.regions ?? [];
  if (regions.length > 0) accounts = accounts.map((a) => ({ ...a, regions }));
  return { ok: true, accounts, concurrency };
}

/** How the estate is configured, without listing it (no AWS call): for the header. */
export type EstateConfiguration =
  | { kind: "own" }
  | { kind: "accounts"; count: number }
  | { kind: "organization" }
  | { kind: "broken"; message: string };

export function estateConfiguration(env: Env = process.env): EstateConfiguration {
  let config: AccountsConfig | undefined;
  try {
    config = accountsConfigFromEnv(env);
  } catch (err) {
    if (err instanceof AccountsConfigError) return { kind: "broken", message: err.message };
    throw err;
  }
  if (!config) return { kind: "own" };
  if ("accounts" in config) return { kind: "accounts", count: config.accounts.length };
  return { kind: "organization" };
}
