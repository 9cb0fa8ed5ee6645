/**
 * Which account the credentials belong to, asked of STS GetCallerIdentity once per process per credential
 * set (not per page): the answer cannot change while the credentials stay the same. A failed call is not
 * remembered, so the next request asks again.
 */
import {
  createAwsContext,
  credentialsLabel,
  type AwsContext,
  type AwsSettings,
  type RequestListener,
} from "@/lib/aws";
import { getCallerIdentity } from "@/lib/aws/sts";
import type { CallerIdentity } from "@/lib/aws/types";
import type { Scope } from "./identity";

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
  const { accountId } = await callerIdentity(settings, region);
  return { scope: { accountId, region }, ctx };
}
