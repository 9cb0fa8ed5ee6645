/**
 * Credentials for another account: an assumed role, through the SDK's `fromTemporaryCredentials`, cached
 * until shortly before they expire and shared by every client of that account, so a page or an audit pays
 * one AssumeRole per account and role, not one per region or per call. Failures are not cached.
 */
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { AwsError, toAwsProblem } from "@/lib/adapters/aws/errors";
import { credentialsKey, type AwsSettings, type CredentialProvider } from "@/lib/adapters/aws/settings";
import { isAccountId } from "@/lib/core/identity/identity";

/** A role QueueReady assumes; `purpose` names the session (`queueready-read`), visible in CloudTrail. */
export interface RoleTarget {
  roleArn: string;
  externalId?: string;
  purpose: "read" | "apply";
}

// Refresh this long before expiry: a region read that starts on credentials about to expire must not fail.
const REFRESH_BEFORE_MS = 5 * 60_000;
const SESSION_SECONDS = 3600;
const CACHE_LIMIT = 256;
const providers = new Map<string, CredentialProvider>();

/** The problem to show when a role cannot be assumed: which role, and what to check. */
export function assumeRoleProblem(err: unknown, role: RoleTarget, region: string): AwsError {
  if (err instanceof AwsError) return err;
  const problem = toAwsProblem(err, { service: "sts", operation: "AssumeRole", region });
  const why =
    problem.code === "access-denied"
      ? `its trust policy must allow QueueReady's identity${role.externalId ? " with the configured ExternalId" : " (does it require an ExternalId?)"}`
      : problem.message;
  return new AwsError(
    {
      ...problem,
      message: `QueueReady cannot assume ${role.roleArn} (${problem.awsCode ?? problem.code}): ${why}.`,
    },
    { cause: err },
  );
}

/** Settings for the same endpoint and retries whose credentials are `role`, assumed with `base`'s. */
export function assumedRoleSettings(base: AwsSettings, role: RoleTarget, regions: string[]): AwsSettings {
  return {
    ...base,
    regions,
    defaultRegion: regions[0] ?? base.defaultRegion,
    credentials: assumedRole(base, role),
    accountId: accountOfRole(role.roleArn),
  };
}

/** The account a role ARN names (`arn:aws:iam::<account>:role/<name>`). */
export function accountOfRole(roleArn: string): string | undefined {
  const account = roleArn.split(":")[4];
  return account && isAccountId(account) ? account : undefined;
}

/** One cached provider per (endpoint, base credentials, role, ExternalId, purpose). */
export function assumedRole(base: AwsSettings, role: RoleTarget): CredentialProvider {
  const key = JSON.stringify([
    base.endpoint ?? null,
    credentialsKey(base),
    role.roleArn,
    role.externalId ?? null,
    role.purpose,
  ]);
  const cached = providers.get(key);
  if (cached) return cached;
  const assume = fromTemporaryCredentials({
    params: {
      RoleArn: role.roleArn,
      RoleSessionName: `queueready-${role.purpose}`,
      ExternalId: role.externalId,
      DurationSeconds: SESSION_SECONDS,
    },
    masterCredentials: base.credentials,
    clientConfig: { region: base.defaultRegion, endpoint: base.endpoint, maxAttempts: base.maxAttempts },
  });
  let current: ReturnType<CredentialProvider> | undefined;
  let refreshAt = 0;
  const provider: CredentialProvider = () => {
    if (!current || Date.now() >= refreshAt) {
      const attempt = assume().then(
        (c) => {
          refreshAt = (c.expiration?.getTime() ?? Date.now() + SESSION_SECONDS * 1000) - REFRESH_BEFORE_MS;
          return c;
        },
        (err: unknown) => {
          if (current === attempt) current = undefined;
          throw assumeRoleProblem(err, role, base.defaultRegion);
        },
      );
      current = attempt;
    }
    return current;
  };
  if (providers.size >= CACHE_LIMIT) providers.delete(providers.keys().next().value as string);
  providers.set(key, provider);
  return provider;
}
