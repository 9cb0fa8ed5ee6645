/**
 * The AWS settings and environment every command runs with: the environment's, or with `--demo` the running
 * demo's (its sandbox's URL from the file the demo writes, dummy keys, and the demo's organization-mode
 * accounts file), so `audit`, `plan`, `apply` and `verify` reach what the demo's app shows without anyone
 * copying a URL and keys from its banner.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { readAwsSettings, type AwsSettings } from "@/lib/adapters/aws/settings";
import { DEMO_CREDENTIALS, readDemoEndpoint } from "@/lib/launch/demo-endpoint";

export type CliSetup<E = NodeJS.ProcessEnv> =
  { ok: true; settings: AwsSettings; env: E } | { ok: false; message: string };

export function cliSetup<E extends Record<string, string | undefined>>(
  demo: boolean,
  env: E,
  root: string,
): CliSetup<E> {
  if (!demo) {
    const read = readAwsSettings(env);
    return read.ok
      ? { ok: true, settings: read.settings, env }
      : { ok: false, message: read.problem.message };
  }
  const found = readDemoEndpoint(root);
  if (!found.ok) return found;
  const { url, regions, planSigningKey } = found.endpoint;
  const read = readAwsSettings({
    QUEUEREADY_AWS_ENDPOINT: url,
    QUEUEREADY_REGIONS: regions.join(","),
    QUEUEREADY_MAX_ATTEMPTS: env.QUEUEREADY_MAX_ATTEMPTS,
  });
  if (!read.ok) return { ok: false, message: read.problem.message };
  // The demo writes its organization-mode accounts file next to its endpoint file.
  const accounts = path.join(root, ".queueready", "accounts.json");
  const withAccounts = existsSync(accounts) ? { ...env, QUEUEREADY_ACCOUNTS_FILE: accounts } : env;
  // The key the demo made for its app, unless this shell sets one of its own.
  const signing =
    planSigningKey && !env.QUEUEREADY_PLAN_SIGNING_KEY ? { QUEUEREADY_PLAN_SIGNING_KEY: planSigningKey } : {};
  return {
    ok: true,
    settings: { ...read.settings, credentials: DEMO_CREDENTIALS },
    env: { ...withAccounts, ...signing },
  };
}
