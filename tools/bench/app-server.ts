import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, stopChild } from "./sandbox-process";
import { serverNodeOptions } from "@/lib/launch/heap-limit";

/** The production app (`next start`) pointed at the sandbox, as the demo launcher runs it. */
export interface AppServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

/** True when `.next` holds a finished production build. */
export function hasBuild(): boolean {
  return existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));
}

/** Runs `next build` (inherits stdio so its progress shows); throws when it fails. */
export async function buildApp(): Promise<void> {
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}

/** `env` is added last: e.g. a shared NEXTAUTH_SECRET and DATABASE_URL for replicas, a data directory. */
export async function startApp(
  sandboxUrl: string,
  regions: string[],
  env: Record<string, string> = {},
): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Run next's own entry with node (no npx/shell in between) so the pid is the server's.
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      QUEUEREADY_DEMO: "1",
      QUEUEREADY_AWS_ENDPOINT: sandboxUrl,
      QUEUEREADY_REGIONS: regions.join(","),
      AWS_ACCESS_KEY_ID: "bench",
      AWS_SECRET_ACCESS_KEY: "bench",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      // As `npm start` runs it (lib/launch/start.ts): the same heap ceiling.
      NODE_OPTIONS: serverNodeOptions({ ...process.env, ...env }),
      ...env,
    },
  });
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  await waitForApp(url, child, () => output);
  return { url, pid: child.pid ?? 0, stop: () => stopChild(child) };
}

async function waitForApp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`next start exited with code ${child.exitCode}:\n${output()}`);
    const up = await fetch(`${url}/api/auth/csrf`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopChild(child);
  throw new Error(`the app did not answer within 60 s:\n${output()}`);
}

/** Peak resident memory (VmHWM) of a process and its descendants, in bytes; 0 when unreadable. */
export function peakRss(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, p) => sum + statusKb(p, "VmHWM") * 1024, 0);
}

/** The resident memory of a process tree now (VmRSS), in bytes. */
export function currentRss(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, p) => sum + statusKb(p, "VmRSS") * 1024, 0);
}

/** Resets the kernel's peak-RSS mark of a process tree, so VmHWM then covers only what follows. */
export function resetPeakRss(pid: number): boolean {
  try {
    for (const p of [pid, ...descendants(pid)]) writeFileSync(`/proc/${p}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/**
 * CPU time (user + system, ms) a process and its live descendants have used so far, from /proc/PID/stat
 * (fields 14 and 15, in clock ticks of 1/100 s on Linux); 0 when unreadable.
 */
export function cpuTimeMs(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return sum;
    }
  }, 0);
}

function statusKb(pid: number, field: string): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, "m"),
    );
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function descendants(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return children.flatMap((c) => [c, ...descendants(c)]);
  } catch {
    return [];
  }
}
