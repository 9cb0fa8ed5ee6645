/**
 * `npm run audit -- --demo` finds the running demo's sandbox through the file the demo writes, and
 * `npm run -s` is what keeps --json output valid JSON (README). Both against a real sandbox.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEndpointFile, writeDemoEndpoint } from "@/lib/launch/demo-endpoint";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { runAuditCli } from "./run-audit";

const ROOT = path.resolve(__dirname, "../..");
let sandbox: RunningSandbox;
let root: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  root = mkdtempSync(path.join(tmpdir(), "queueready-demo-cli-"));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(root, { recursive: true, force: true });
});

async function audit(argv: string[], env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const code = await runAuditCli(
    argv,
    { NODE_ENV: "test", ...env },
    { out: (t) => (out += t), err: (t) => (err += t) },
    root,
  );
  return { code, out, err };
}

describe("npm run audit -- --demo", () => {
  it("says how to start the demo when none is running", async () => {
    rmSync(demoEndpointFile(root), { force: true });
    const { code, out, err } = await audit(["--demo"]);
    expect([code, out]).toEqual([2, ""]);
    expect(err).toContain("No running demo found");
    expect(err).toContain("npm run demo");
  });

  it("refuses an endpoint file that does not name a local sandbox", async () => {
    mkdirSync(path.dirname(demoEndpointFile(root)), { recursive: true });
    writeFileSync(
      demoEndpointFile(root),
      JSON.stringify({ url: "https://elasticache.amazonaws.com", regions: ["us-east-1"] }),
    );
    const { code, err } = await audit(["--demo"]);
    expect(code).toBe(2);
    expect(err).toContain("does not name a local sandbox");
  });

  it("audits the demo's sandbox with no AWS settings at all, ignoring the shell's AWS profile", async () => {
    writeDemoEndpoint(root, { url: sandbox.url, regions: ["us-east-1", "eu-west-1"] });
    const { code, out, err } = await audit(["--demo", "--json"], { AWS_PROFILE: "prod-admin" });
    expect(code).toBe(1);
    expect(err).toMatch(/^Audited 1 of 1 account, 2 account-regions in us-east-1, eu-west-1:\n/);
    const exported = JSON.parse(out);
    expect(exported.summary).toEqual({
      ready: 5,
      "needs-changes": 9,
      incompatible: 3,
      "not-applicable": 1,
      unknown: 0,
    });
  });
});

describe("--json through npm", () => {
  function npmAudit(npmArgs: string[]): Promise<string> {
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      HOME: root,
      QUEUEREADY_AWS_ENDPOINT: sandbox.url,
      AWS_ACCESS_KEY_ID: "AKIDSANDBOX",
      AWS_SECRET_ACCESS_KEY: "sandbox-secret",
      AWS_EC2_METADATA_DISABLED: "true",
    };
    return new Promise((resolve, reject) => {
      const child = spawn("npm", [...npmArgs, "audit", "--", "--region", "eu-west-1", "--json"], {
        cwd: ROOT,
        env,
      });
      let stdout = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.on("error", reject);
      child.on("close", () => resolve(stdout));
    });
  }

  it("is valid JSON with npm run -s, and is not without -s (npm prints its banner first)", async () => {
    const silent = await npmAudit(["run", "-s"]);
    expect(JSON.parse(silent).accounts[0].regions[0].region).toBe("eu-west-1");
    const loud = await npmAudit(["run"]);
    expect(loud).toMatch(/^\s*> queueready@/);
    expect(() => JSON.parse(loud)).toThrow();
  }, 60_000);
});
