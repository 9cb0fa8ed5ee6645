/**
 * Test support for the `*.int.test.ts` files: one in-process sandbox per test file on a free port, and
 * contexts whose requests are counted by operation, so tests can assert paging and retries.
 */

import { afterAll, beforeAll } from "vitest";
import { startSandbox } from "@/tools/sandbox";
import { createAwsContext, type AwsContext } from "@/lib/adapters/aws/context";
import { callerIdentity, type ScopeAccess } from "@/lib/services/estate/scope-access";
import type { AwsSettings } from "@/lib/adapters/aws/settings";

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type SandboxOptions = NonNullable<Parameters<typeof startSandbox>[0]>;

export interface Harness {
  readonly sandbox: Sandbox;
  readonly settings: AwsSettings;
  /**
   * A context for `region` plus a live tally of HTTP requests sent through it, by operation, and the same
   * client scoped to the sandbox's account (as STS GetCallerIdentity named it when the sandbox started).
   */
  context(
    region?: string,
    overrides?: Partial<AwsSettings>,
  ): { ctx: AwsContext; access: ScopeAccess; requests: Record<string, number> };
}

/** Starts a sandbox before the file's tests and stops it after; dummy credentials, as a sandbox needs. */
export function sandboxPerFile(opts: SandboxOptions = {}): Harness {
  let sandbox: Sandbox | undefined;
  let settings: AwsSettings | undefined;
  let accountId: string | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, applyDelayMs: 200, ...opts });
    settings = {
      endpoint: sandbox.url,
      regions: ["us-east-1", "eu-west-1"],
      defaultRegion: "us-east-1",
      maxAttempts: 5,
      credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" },
    };
    accountId = (await callerIdentity(settings)).accountId;
    // Tests count the sandbox's calls from zero; the identity is asked once per process, before them.
    sandbox.control.resetCalls();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const harness: Harness = {
    get sandbox() {
      if (!sandbox) throw new Error("The sandbox is not started yet (use the harness inside tests).");
      return sandbox;
    },
    get settings() {
      if (!settings) throw new Error("The sandbox is not started yet (use the harness inside tests).");
      return settings;
    },
    context(region = "us-east-1", overrides = {}) {
      const requests: Record<string, number> = {};
      const ctx = createAwsContext({ ...harness.settings, ...overrides }, region, {
        onRequest: (e) => {
          requests[e.operation] = (requests[e.operation] ?? 0) + 1;
        },
      });
      return { ctx, access: { scope: { accountId: accountId!, region }, ctx }, requests };
    },
  };
  return harness;
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
