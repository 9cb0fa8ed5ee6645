/**
 * Which account the credentials belong to, asked of STS GetCallerIdentity once per process per credential
 * set (not per page): the answer cannot change while the credentials stay the same. A failed call is not
 * remembered, so the next request asks again.
 */
import { createAwsContext, type AwsContext, type RequestListener } from "@/lib/adapters/aws/context";
import { credentialsLabel, readAwsSettings, type AwsSettings } from "@/lib/adapters/aws/settings";
import { getCallerIdentity } from "@/lib/adapters/aws/sts/caller-identity";
import type { CallerIdentity } from "@/lib/core/model/resources";
import type { Scope } from "@/lib/core/identity/identity";

const identities = new Map<string, Promise<CallerIdentity>>();

/** The cache key of a credential set: the endpoint and the access key id or role provider (never the secret). */
function credentialKey(settings: AwsSettings): string {
  return `${settings.endpoint ?? "aws"}|${credentialsLabel(settings)}`;
}

export function callerIdentity(
  settings: AwsSettings,
  region = settings.defaultRegion,
): Promise<CallerIdentity> {
  const key = credentialKey(settings);
  let identity = identities.get(key);
  if (!identity) {
    identity = getCallerIdentity(settings, region);
    identities.set(key, identity);
    identity.catch(() => identities.delete(key));
  }
  return identity;
}

/** The account of these settings: the one they name, else STS's answer (cached as above). */
export async function accountIdOf(settings: AwsSettings, region = settings.defaultRegion): Promise<string> {
  if (settings.accountId === undefined) return (await callerIdentity(settings, region)).accountId;
  // Resolve an assumed role now (cached; the first read would anyway), so a role that cannot be assumed
  // fails here with its reason, as the STS call it replaces did, not later as a read problem.
  if (typeof settings.credentials === "function") await settings.credentials();
  return settings.accountId;
}

/**
 * The account of QueueReady's own credentials from the environment, asked of STS; undefined when there are
 * none or STS cannot tell (a caller that needs it then waits, rather than guessing).
 */
export async function ownAccountId(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const read = readAwsSettings(env);
  if (!read.ok) return undefined;
  return accountIdOf(read.settings).catch(() => undefined);
}

/** Where reads happen and the client that makes them: what `collect` reads through. */
export interface ScopeAccess {
  scope: Scope;
  ctx: AwsContext;
}

/** The scope of `region` for these credentials (one STS call the first time), with a client for it. */
export async function openScope(
  settings: AwsSettings,
  region: string,
  opts: { onRequest?: RequestListener } = {},
): Promise<ScopeAccess> {
  const ctx = createAwsContext(settings, region, opts);
  return { scope: { accountId: await accountIdOf(settings, region), region }, ctx };
}
