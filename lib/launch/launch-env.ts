import { auditWorkersFromEnv } from "@/lib/services/audit/workers/pool-size";
import { randomBytes } from "node:crypto";
import { secretProblem } from "@/lib/web/auth/auth-secret";
import type { Env } from "@/lib/web/auth/env";
import { oidcSettingsFromEnv } from "@/lib/web/auth/oidc";
import { loadUsers } from "@/lib/web/auth/users";
import { trustedProxiesFromEnv } from "@/lib/web/auth/client-address";
import { rateLimitsFromEnv } from "@/lib/web/http/user-rate-limit";
import { poolSettingsFromEnv } from "@/lib/adapters/db/config";
import { serverNodeOptions } from "./heap-limit";
import { accountsConfigFromEnv } from "@/lib/services/estate/accounts-file";
import { awsSettingsFromEnv } from "@/lib/adapters/aws/settings";
import { scopeConcurrency } from "@/lib/services/estate/account-regions";
import { notificationsConfigFromEnv } from "@/lib/core/alerts/config";
import { refreshMinAgeFromEnv } from "@/lib/services/audit/refresh-cooldown";
import { planSigningKey } from "@/lib/core/plan-file";
import { auditLogTokenProblem } from "@/lib/web/approvals/audit-log-token";
import { approvalPolicy } from "@/lib/services/approvals/policy";
import { DEMO_CREDENTIALS } from "./demo-endpoint";

/** A TCP port from an env var, or the default; refuses anything that is not 1..65535. */
export function portFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${name} must be a port number (1-65535), not "${value}".`);
  return port;
}

/** The environment of the demo's Next server: demo users, the sandbox, dummy keys, a fresh secret. */
export function demoServerEnv(
  base: Env,
  opts: { port: number; sandboxUrl: string; regions?: string; accountsFile?: string },
): NodeJS.ProcessEnv {
  return {
    ...base,
    NODE_ENV: "production" as const,
    QUEUEREADY_DEMO: "1",
    QUEUEREADY_AWS_ENDPOINT: opts.sandboxUrl,
    QUEUEREADY_REGIONS: opts.regions ?? "us-east-1,eu-west-1",
    QUEUEREADY_ACCOUNTS_FILE: opts.accountsFile ?? "",
    // The sandbox accepts any signature; these only satisfy the SDK's credential chain.
    AWS_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEMO_CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: "",
    AWS_PROFILE: "",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    // A local demo sends Next's anonymous usage data nowhere.
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${opts.port}`,
    // A new secret per run: demo sessions end when the demo stops, and no secret is ever reused.
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_SECRET: "",
  };
}

/**
 * What stops `npm start` against a real account, each as a sentence to print. Checked before building
 * so a misconfiguration costs a second, not a build.
 */
export function startProblems(env: Env): string[] {
  const problems: string[] = [];
  const secret = secretProblem(env);
  if (secret) problems.push(secret);
  try {
    const users = loadUsers(env);
    if (users.length === 0 && !oidcSettingsFromEnv(env)) {
      problems.push(
        "No one can sign in: set QUEUEREADY_USERS or QUEUEREADY_USERS_FILE (see README), or configure OIDC.",
      );
    }
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  try {
    awsSettingsFromEnv(env as NodeJS.ProcessEnv);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  try {
    // A malformed accounts file would otherwise surface as a missing account on the status page.
    scopeConcurrency(env, accountsConfigFromEnv(env)?.concurrency);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  try {
    notificationsConfigFromEnv(env);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  const signing = planSigningKey(env);
  if (!signing.ok) problems.push(signing.reason);
  const auditLog = auditLogTokenProblem(env);
  if (auditLog) problems.push(auditLog);
  const approvals = approvalPolicy(env);
  if (!approvals.ok) problems.push(approvals.reason);
  try {
    // Otherwise the app starts, says ready, and every sign-in answers "not configured".
    trustedProxiesFromEnv(env);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  try {
    auditWorkersFromEnv(env);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  try {
    refreshMinAgeFromEnv(env);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  for (const check of [rateLimitsFromEnv, poolSettingsFromEnv, serverNodeOptions]) {
    try {
      check(env);
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  return problems;
}
