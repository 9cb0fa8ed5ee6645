/**
 * What the CLI's tests share: its entry points spawned the way `npm run <command>` runs them, the environment
 * that points them at a sandbox, an output sink for in-process runs, and a plan file read back.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parsePlanFile, type PlanFile } from "@/lib/core/plan-file";
import { TEST_PLAN_SIGNING_KEY, testPlanKey } from "./plan-key";

const ROOT = path.resolve(__dirname, "../..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
}

/** Runs `entry` (such as lib/cli/audit.ts) through tsx from the repository root, with only `env`. */
export function runCliProcess(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [entry, ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/**
 * A CLI's environment against a sandbox: its endpoint and regions, dummy keys (unless `credentials` is
 * false), no instance metadata, two attempts per call. Nothing else leaks in from the test's own process.
 */
export function sandboxCliEnv(opts: {
  endpoint: string;
  home?: string;
  credentials?: boolean;
  extra?: Record<string, string | undefined>;
}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "test",
    PATH: process.env.PATH,
    HOME: opts.home,
    QUEUEREADY_AWS_ENDPOINT: opts.endpoint,
    QUEUEREADY_REGIONS: "us-east-1,eu-west-1",
    AWS_EC2_METADATA_DISABLED: "true",
    QUEUEREADY_MAX_ATTEMPTS: "2",
    // Plans are signed and checked as in CI: the plan side and the apply side share the key.
    QUEUEREADY_PLAN_SIGNING_KEY: TEST_PLAN_SIGNING_KEY,
    ...(opts.credentials === false
      ? {}
      : { AWS_ACCESS_KEY_ID: "AKIDSANDBOX", AWS_SECRET_ACCESS_KEY: "sandbox-secret" }),
    ...opts.extra,
  };
}

/**
 * The AWS CLI's environment against a sandbox: its dummy keys, no pager, no session token and no local
 * AWS configuration, so nothing of the machine's own profile leaks in. `extra` adds or overrides variables.
 */
export function awsCliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: "AKIDSANDBOX",
    AWS_SECRET_ACCESS_KEY: "sandbox-secret",
    AWS_SESSION_TOKEN: "",
    AWS_PAGER: "",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    ...extra,
  };
}

/** An output sink for a CLI run in process (never interactive), and what it was given. */
export function captureIo() {
  const out = { stdout: "", stderr: "" };
  const io = {
    out: (t: string) => void (out.stdout += t),
    err: (t: string) => void (out.stderr += t),
    interactive: false,
  };
  return { out, io };
}

/** A plan file written by `npm run plan -- --out` with the tests' key, parsed; throws when it does not parse. */
export async function readPlanFile(file: string): Promise<PlanFile> {
  const read = parsePlanFile(await readFile(file, "utf8"), { key: testPlanKey() });
  if (!read.ok) throw new Error(read.reason);
  return read.file;
}
