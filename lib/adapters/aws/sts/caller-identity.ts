/**
 * STS: who the configured credentials are. The account id scopes every target (`Scope`, `TargetRef`),
 * so it comes from AWS itself, never from configuration that could disagree with the credentials.
 */

import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { toAwsError } from "@/lib/adapters/aws/errors";
import { cachedBy, clientConfig, clientKey } from "@/lib/adapters/aws/client-config";
import { assertRegion, type AwsSettings } from "@/lib/adapters/aws/settings";
import type { CallerIdentity } from "@/lib/core/model/resources";

const CACHE_LIMIT = 16;
const clients = new Map<string, STSClient>();

/** One STS client per (region, endpoint, credentials, attempts); STS is regional, like the other clients. */
export function stsClientFor(settings: AwsSettings, region: string): STSClient {
  assertRegion(region);
  return cachedBy(
    clients,
    clientKey(settings, region),
    CACHE_LIMIT,
    () => new STSClient(clientConfig(settings, region)),
  );
}

/** STS `GetCallerIdentity` (needs no IAM permission). Throws an AwsError. */
export async function getCallerIdentity(settings: AwsSettings, region: string): Promise<CallerIdentity> {
  const site = { service: "sts" as const, operation: "GetCallerIdentity", region };
  try {
    const out = await stsClientFor(settings, region).send(new GetCallerIdentityCommand({}));
    if (!out.Account || !out.Arn || !out.UserId) {
      throw new Error("GetCallerIdentity answered without Account, Arn or UserId.");
    }
    return { accountId: out.Account, arn: out.Arn, userId: out.UserId };
  } catch (err) {
    throw toAwsError(err, site);
  }
}
