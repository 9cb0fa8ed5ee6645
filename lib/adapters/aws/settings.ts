/**
 * Where and how QueueReady talks to AWS, read once from the environment (or built by tests directly,
 * so nothing needs env hacks). Clients are made from these by `createAwsContext`, never at module load.
 */

import { AwsError } from "./errors";
import type { AwsProblem } from "@/lib/core/model/resources";
import { isRegionName } from "@/lib/core/identity/identity";

export interface AwsSettings {
  /** Endpoint override for both services, e.g. the sandbox URL. Undefined = the real AWS endpoints. */
  endpoint?: string;
  /** The regions the app audits. */
  regions: string[];
  defaultRegion: string;
  /** Attempts per request, retries included (the SDK's adaptive retry). Default 5. */
  maxAttempts: number;
  /**
   * Undefined = the standard chain: AWS_PROFILE, env keys, SSO, instance/task role. A provider is an
   * assumed role (see account-credentials.ts): it refreshes itself, and clients are shared per provider.
   */
  credentials?: StaticCredentials | CredentialProvider;
  /**
   * The account these credentials act in, when it is known without asking STS: an assumed role's account
   * (its ARN names it, and AssumeRole only returns credentials in that account) or an account the audit
   * already identified. Spares one GetCallerIdentity round trip per account before its first read.
   */
  accountId?: string;
}

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export type CredentialProvider = () => Promise<StaticCredentials & { expiration?: Date }>;

const providerIds = new WeakMap<CredentialProvider, number>();
let nextProviderId = 1;

/** A short, secret-free name of the credential set: the access key id, a provider's number, or the chain. */
export function credentialsLabel(settings: AwsSettings): string {
  const c = settings.credentials;
  if (c === undefined) return "default-chain";
  return typeof c === "function"
    ? `provider#${(credentialsKey(settings) as { provider: number }).provider}`
    : c.accessKeyId;
}

/** What identifies the credentials in a client cache key: the keys, or the provider's identity. */
export function credentialsKey(settings: AwsSettings): unknown {
  const c = settings.credentials;
  if (typeof c !== "function") return c ?? null;
  let id = providerIds.get(c);
  if (id === undefined) providerIds.set(c, (id = nextProviderId++));
  return { provider: id };
}

const DEFAULT_MAX_ATTEMPTS = 5;

/** Throws an `unknown-region` AwsError unless `region` is shaped like an AWS region name. */
export function assertRegion(region: string): void {
  if (isRegionName(region)) return;
  throw new AwsError({
    code: "unknown-region",
    message: `"${region}" is not an AWS region name (expected something like us-east-1). Check QUEUEREADY_REGIONS.`,
    region,
    retryable: false,
  });
}

/**
 * Reads QUEUEREADY_AWS_ENDPOINT (or AWS_ENDPOINT_URL), QUEUEREADY_REGIONS (comma-separated, else
 * AWS_REGION / AWS_DEFAULT_REGION, else us-east-1) and QUEUEREADY_MAX_ATTEMPTS. Credentials are left to
 * the SDK's standard chain. Throws an AwsError for a malformed region or attempt count: a typo in the
 * environment should stop the app at start, not show up later as an empty status page.
 */
export function awsSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AwsSettings {
  const endpoint = nonEmpty(env.QUEUEREADY_AWS_ENDPOINT) ?? nonEmpty(env.AWS_ENDPOINT_URL);
  const fallbackRegion = nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? "us-east-1";
  const listed = (env.QUEUEREADY_REGIONS ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const regions = [...new Set(listed.length > 0 ? listed : [fallbackRegion])];
  regions.forEach(assertRegion);
  // The first listed region is the default: it is the one the operator put first on purpose.
  const defaultRegion = regions[0] ?? fallbackRegion;
  return { endpoint, regions, defaultRegion, maxAttempts: parseAttempts(env.QUEUEREADY_MAX_ATTEMPTS) };
}

export type AwsSettingsResult = { ok: true; settings: AwsSettings } | { ok: false; problem: AwsProblem };

/**
 * `awsSettingsFromEnv` for callers that show a broken environment to a person (a page panel, a CLI message)
 * instead of crashing: the AwsError becomes its problem; anything else is a bug and is rethrown.
 */
export function readAwsSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AwsSettingsResult {
  try {
    return { ok: true, settings: awsSettingsFromEnv(env) };
  } catch (err) {
    if (err instanceof AwsError) return { ok: false, problem: err.problem };
    throw err;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseAttempts(raw: string | undefined): number {
  const text = nonEmpty(raw);
  if (text === undefined) return DEFAULT_MAX_ATTEMPTS;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 20) {
    throw new AwsError({
      code: "invalid-input",
      message: `QUEUEREADY_MAX_ATTEMPTS must be a whole number from 1 to 20, not "${text}".`,
      retryable: false,
    });
  }
  return value;
}
