import "server-only";
/**
 * The app's estate, per process: listed once from the environment and kept a few minutes (see
 * estateTtlMs), so a page or action names its account without one STS and Organizations call per request.
 * A URL's account is only ever looked up here: an account that is not configured is a 404, never a probe.
 */
import { accountsConfigFromEnv } from "./accounts-file";
import { readAwsSettings, type AwsSettings } from "@/lib/adapters/aws/settings";
import type { AwsProblem } from "@/lib/core/model/resources";
import {
  estateTtlMs,
  loadEstate,
  lookupAccount,
  OWN_CREDENTIALS,
  type AccountLookup,
  type Estate,
  type EstateAccount,
} from "./load-estate";
import { ttlCache } from "./ttl-cache";

export { OWN_CREDENTIALS, type AccountLookup, type Estate } from "./load-estate";
export type { EstateAccount };

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

const cache = ttlCache<Estate>({
  load: () => loadEstate(readAwsSettings(process.env), () => accountsConfigFromEnv(process.env)),
  ttlMs: estateTtlMs,
});

/** Every configured account (cached); the key is the environment it was read from, secrets excluded. */
export function getEstate(): Promise<Estate> {
  return cache.get(JSON.stringify(ENV_KEYS.map((k) => process.env[k] ?? null)));
}

/** One account of the estate: its settings and roles, its problem, or not configured (a 404). */
export async function scopeFor(accountId: string): Promise<AccountLookup> {
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
): Promise<AccountSettings> {
  const estate = await getEstate();
  if (!estate.ok) return { ok: false, notFound: false, problem: estate.problem };
  const id = accountId ?? (await baseAccountId());
  const found = lookupAccount(estate, id ?? "");
  if (found.ok) return { ok: true, settings: found.account[purpose], account: found.account };
  if (found.notFound)
    return { ok: false, notFound: true, message: `Account ${id} is not one QueueReady is configured for.` };
  return { ok: false, notFound: false, problem: found.problem };
}

/** Forgets the cached estate (tests, and after the accounts file changes). */
export function clearEstate(): void {
  cache.clear();
}
