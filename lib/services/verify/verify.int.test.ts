import Redis from "ioredis";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { wizardChoices } from "@/tools/testing/apply-helpers";
import { previewPlan } from "@/lib/services/apply/preview";
import { startApply } from "@/lib/services/apply/start-apply";
import { SANDBOX_AUTH_TOKEN } from "@/tools/sandbox/engines";
import type { Database } from "@/lib/adapters/db";
import { memoryDatabase } from "@/tools/testing/test-db";
import { describeEngines, engineEnv, enginePort } from "@/tools/testing/engine-sandbox";
import { ACCOUNT_ID } from "@/tools/testing/fixtures";
import { exitCodeOf } from "./verify";
import { verifyTarget } from "./verify-target";
import { infoFields as infoFieldsOf } from "@/lib/core/verify/info";
import { lastVerification } from "@/lib/adapters/db/verifications";

const h = sandboxPerFile({ applyDelayMs: 200, engines: true });
let env: Record<string, string>;
let database: Database;
const started = performance.now();
beforeAll(async () => {
  env = await engineEnv(h.sandbox);
  database = await memoryDatabase();
  console.log(`engine sandbox up in ${Math.round(performance.now() - started)} ms`);
});
afterAll(async () => {
  await database?.close();
  console.log(`engine tests took ${Math.round(performance.now() - started)} ms`);
});

/** INFO read by the test itself, straight from the engine (not through QueueReady). */
async function policyOf(cacheClusterId: string): Promise<string | undefined> {
  const redis = new Redis({
    host: "127.0.0.1",
    port: await enginePort(h.sandbox, cacheClusterId),
    lazyConnect: true,
  });
  await redis.connect();
  try {
    return infoFieldsOf(await redis.info("memory")).maxmemory_policy;
  } finally {
    redis.disconnect();
  }
}

/** Client connections on an engine other than the asking one and replication links: QueueReady's leftovers. */
async function otherClients(cacheClusterId: string): Promise<number> {
  const redis = new Redis({
    host: "127.0.0.1",
    port: await enginePort(h.sandbox, cacheClusterId),
    lazyConnect: true,
  });
  await redis.connect();
  try {
    const me = String(await redis.client("ID"));
    const list = String(await redis.client("LIST"));
    return list
      .split("\n")
      .filter((l) => l.startsWith("id=") && !l.startsWith(`id=${me} `) && !/flags=S/.test(l)).length;
  } finally {
    redis.disconnect();
  }
}

const verify = (id: string, extra: { token?: string; prefix?: string } = {}, e = env) =>
  verifyTarget(h.settings, { accountId: ACCOUNT_ID, region: "us-east-1", id, ...extra }, e).then((r) => {
    if (!r.ok) throw new Error(r.message);
    return r.verification;
  });

describeEngines("verify on real engines behind the sandbox", () => {
  it("orders-redis7 runs volatile-lru before the wizard and noeviction once its change is in-sync", async () => {
    expect(await policyOf("orders-redis7-001")).toBe("volatile-lru");
    const warn = vi.spyOn(console, "warn");
    const before = await verify("orders-redis7");
    // QueueReady says it once in its result; BullMQ's own stderr warning (once per connection) is not added.
    expect(warn.mock.calls.filter((c) => /Eviction policy/.test(String(c[0])))).toEqual([]);
    warn.mockRestore();
    expect(before.outcome).toBe("not-ready");
    expect(before.engine).toMatchObject({
      server: "redis",
      maxmemoryPolicy: "volatile-lru",
      clusterEnabled: false,
    });
    expect(before.engine!.maxmemory).toBeGreaterThan(0);
    expect(before.smokeJob).toMatchObject({ ok: true, keysLeft: 0 });
    expect(exitCodeOf(before)).toBe(1);
    // Every connection the check opened is closed (the server may take a moment to see the last one go).
    await expect.poll(() => otherClients("orders-redis7-001"), { timeout: 2000 }).toBe(0);

    const opts = {
      settings: h.settings,
      db: database.db,
      pollInitialMs: 50,
      pollMaxMs: 200,
      timeLimitMs: 15_000,
    };
    const target = { region: "us-east-1", kind: "replication-group", id: "orders-redis7" } as const;
    const choices = await wizardChoices(h.context().access, target);
    const user = { name: "operator", role: "operator" };
    const preview = await previewPlan({ ...opts, choices, user });
    if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
    // The check after the apply reaches the engines through the routes in the environment, as the app's would.
    vi.stubEnv("QUEUEREADY_ENGINE_ROUTES", env.QUEUEREADY_ENGINE_ROUTES);
    const run = await (
      await startApply({ ownerGuard: "off", ...opts, user, previewId: preview.previewId })
    ).finished;
    vi.unstubAllEnvs();
    expect(run.status).toBe("succeeded");
    const recorded = await lastVerification(opts.db!, {
      ...target,
      accountId: "123456789012",
    });
    expect(recorded).toMatchObject({ outcome: "verified", engine: { maxmemoryPolicy: "noeviction" } });
    expect(Date.parse(recorded!.at)).toBeGreaterThan(Date.parse(run.startedAt));

    expect(await policyOf("orders-redis7-001")).toBe("noeviction");
    expect(await policyOf("orders-redis7-002")).toBe("noeviction");
    const after = await verify("orders-redis7");
    expect(after).toMatchObject({ outcome: "verified", disagreements: [], api: { policy: "noeviction" } });
    expect(exitCodeOf(after)).toBe(0);
  });

  it("events-cluster: the job passes with the {bull} hash-tag prefix and fails with CROSSSLOT without it", async () => {
    const tagged = await verify("events-cluster");
    expect(tagged.engine?.clusterEnabled).toBe(true);
    expect(tagged.smokeJob).toMatchObject({ ok: true, keysLeft: 0 });
    const plain = await verify("events-cluster", { prefix: "bull" });
    expect(plain.smokeJob?.ok).toBe(false);
    expect(plain.smokeJob?.error).toMatch(/CROSSSLOT/);
  });

  it("secure-redis7 (TLS + AUTH): asks for the token, passes with it, says so clearly with a wrong one", async () => {
    expect(await verify("secure-redis7")).toMatchObject({ outcome: "needs-token" });
    const ok = await verify("secure-redis7", { token: SANDBOX_AUTH_TOKEN });
    expect(ok.outcome, ok.message).toBe("verified");
    expect(ok.smokeJob).toMatchObject({ ok: true, keysLeft: 0 });
    const wrong = await verify("secure-redis7", { token: "not-the-token-at-all" });
    expect(wrong.outcome).toBe("auth-failed");
    expect(wrong.message).toMatch(/refused the AUTH token/);
    expect(JSON.stringify(wrong)).not.toContain("not-the-token-at-all");
  });

  it("an endpoint with no route is unreachable, fast, with the advice to run in the VPC or give a route", async () => {
    const t0 = performance.now();
    const closed = JSON.stringify({
      "jobs-valkey8.abc123.ng.0001.use1.cache.amazonaws.com:6379": "127.0.0.1:1",
    });
    const v = await verify("jobs-valkey8", {}, { ...env, QUEUEREADY_ENGINE_ROUTES: closed });
    expect(v.outcome).toBe("unreachable");
    expect(v.message).toMatch(/run it in the VPC or give a route/);
    expect(exitCodeOf(v)).toBe(2);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
