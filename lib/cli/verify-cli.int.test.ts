import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeDemoEndpoint } from "@/lib/launch/demo-endpoint";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { SANDBOX_AUTH_TOKEN } from "@/tools/sandbox/engines";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { STAGING_ID } from "@/tools/sandbox/seed/organization-seed";
import { runCliProcess } from "@/tools/testing/cli-helpers";
import { describeEngines, engineEnv } from "@/tools/testing/engine-sandbox";
import { runVerifyCli } from "./run-verify";

let sandbox: RunningSandbox;
type Env = Record<string, string | undefined>;
let env: Env;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, engines: true });
  // In-process runs get credentials from the SDK's chain, which reads process.env.
  vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDSANDBOX");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "sandbox-secret");
  env = {
    PATH: process.env.PATH,
    QUEUEREADY_AWS_ENDPOINT: sandbox.url,
    QUEUEREADY_REGIONS: "us-east-1,eu-west-1",
    AWS_ACCESS_KEY_ID: "AKIDSANDBOX",
    AWS_SECRET_ACCESS_KEY: "sandbox-secret",
    AWS_EC2_METADATA_DISABLED: "true",
    ...(await engineEnv(sandbox)),
  };
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await sandbox?.close();
});

/** The real entry point, as `npm run verify` runs it. */
const runCli = (args: string[], extra: Env = {}) =>
  runCliProcess("lib/cli/verify.ts", args, { ...env, ...extra } as NodeJS.ProcessEnv);

function io() {
  let all = "";
  return { out: (t: string) => (all += t), err: (t: string) => (all += t), text: () => all };
}

async function inProcess(args: string[], extra: Env = {}) {
  let out = "";
  let err = "";
  const code = await runVerifyCli(
    args,
    { ...env, ...extra },
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { code, out, err };
}

describeEngines("npm run verify", () => {
  it("--json on a ready cluster: exit 0 and the documented shape", async () => {
    const r = await runCli([
      "--region",
      "us-east-1",
      "--cluster",
      "jobs-valkey8",
      "--account",
      "123456789012",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      target: {
        accountId: "123456789012",
        region: "us-east-1",
        kind: "replication-group",
        id: "jobs-valkey8",
      },
      engine: "redis",
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      maxmemoryPolicy: "noeviction",
      clusterEnabled: false,
      smokeJob: { ok: true, ms: expect.any(Number), error: null },
    });
  }, 60_000); // a cold tsx cache compiles the whole CLI first

  it("an unreachable endpoint (no route): exit 2, fast, with the advice", async () => {
    const r = await runCli(["--region", "us-east-1", "--cluster", "orders-redis7"], {
      QUEUEREADY_ENGINE_ROUTES: "",
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/run it in the VPC or give a route/);
    // Generous: it includes starting tsx; the check itself is timed in lib/services/verify (under 5 s).
    expect(r.ms).toBeLessThan(20_000);
  }, 60_000);

  it("--account of a member account verifies that account's cluster, read through its role", async () => {
    const r = await inProcess([
      "--region",
      "us-east-1",
      "--cluster",
      "stg-orders",
      "--account",
      STAGING_ID,
      "--json",
    ]);
    expect(r.err).not.toMatch(/No cluster stg-orders/);
    const json = JSON.parse(r.out) as { target: Record<string, string>; outcome: string };
    expect(json.target).toMatchObject({ accountId: STAGING_ID, region: "us-east-1", id: "stg-orders" });
    // Member accounts have no engines behind the sandbox: the API side was read, the engine is not reachable.
    expect(json.outcome).toBe("unreachable");
    expect(r.code).toBe(2);
  });

  it("--account that the credentials do not reach: exit 2, saying so, nothing verified", async () => {
    const r = await inProcess([
      "--region",
      "us-east-1",
      "--cluster",
      "stg-orders",
      "--account",
      "999999999999",
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Account 999999999999 is not one of the accounts these credentials reach/);
  });

  it("exit 1 when reachable but evicting; the text shows engine says beside API says", async () => {
    const r = await inProcess(["--region", "us-east-1", "--cluster", "sessions-redis62"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/engine says +redis .*maxmemory-policy allkeys-lru/);
    expect(r.out).toMatch(/API says +parameter group shared-lru-redis6: allkeys-lru/);
    expect(r.out).toMatch(/smoke job +passed/);
    // The engines run with a maxmemory: the fullest shard's use is reported against it.
    expect(r.out).toMatch(/memory +\d+\.\d % of maxmemory used \(.+ of .+, fullest shard\)/);
  });

  it("AUTH: the token from the environment works and is never printed; without one, exit 2 saying so", async () => {
    const ok = await inProcess(["--region", "us-east-1", "--cluster", "secure-redis7"], {
      QUEUEREADY_AUTH_TOKEN: SANDBOX_AUTH_TOKEN,
    });
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out + ok.err).not.toContain(SANDBOX_AUTH_TOKEN);
    const none = await inProcess(["--region", "us-east-1", "--cluster", "secure-redis7"]);
    expect(none.code).toBe(2);
    expect(none.out).toMatch(/needs its AUTH token/);
  });

  it("--demo: the running demo's sandbox, its engines and CA, with nothing copied by hand", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "queueready-verify-demo-"));
    try {
      const none = await runVerifyCli(["--region", "us-east-1", "--cluster", "x", "--demo"], {}, io(), root);
      expect(none).toBe(2);
      writeDemoEndpoint(root, { url: sandbox.url, regions: ["us-east-1", "eu-west-1"] });
      writeFileSync(path.join(root, ".queueready", "engine-ca.pem"), (await sandbox.control.engineCa())!);
      const sink = io();
      const args = ["--region", "us-east-1", "--cluster", "secure-redis7", "--demo"];
      const code = await runVerifyCli(args, { QUEUEREADY_AUTH_TOKEN: SANDBOX_AUTH_TOKEN }, sink, root);
      expect(code, sink.text()).toBe(0);
      expect(sink.text()).toMatch(/ready for BullMQ on the engine/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("bad input: exit 2 with the usage", async () => {
    const r = await inProcess(["--region", "mars-1", "--cluster", "x"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not an AWS region name/);
    expect((await inProcess(["--region", "us-east-1", "--cluster", "nope"])).err).toMatch(/No cluster nope/);
  });
});
