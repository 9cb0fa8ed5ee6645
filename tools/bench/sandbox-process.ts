import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import type { FleetSpec } from "@/tools/sandbox";

/**
 * The sandbox in its own process, driven through its HTTP control API. In-process would share the event
 * loop (and the 2 cores' scheduling) with the audit being timed and blur the figures.
 */
export interface SandboxProcess {
  url: string;
  pid: number;
  /** Replaces the whole account with a generated fleet of `clusters` over `regions` (deterministic). */
  generateFleet(clusters: number, regions: string[]): Promise<void>;
  /** Replaces the state with a seed the control API takes (e.g. an estate: `{clusters, regions, accounts}`). */
  resetWith(seed: FleetSpec): Promise<void>;
  setLatency(latencyMs: number): Promise<void>;
  /** Calls received per `service:Operation` since the last reset. */
  calls(): Promise<Record<string, number>>;
  resetCalls(): Promise<void>;
  /** CPU time (user + system) the sandbox process has used so far, in ms; undefined off Linux. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

/** Fixed so that every run benchmarks the same fleets. */
export const FLEET_SEED = 42;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startSandboxProcess(latencyMs: number): Promise<SandboxProcess> {
  const port = await freePort();
  // `node --import tsx` rather than the tsx binary: one process, so stopping it by pid stops the server.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tools/sandbox/cli.ts", "--port", String(port), "--latency-ms", String(latencyMs)],
    {
      cwd: process.cwd(),
      env: { ...process.env, SANDBOX_PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);

  const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}/_sandbox/${route}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok)
      throw new Error(`sandbox ${method} /_sandbox/${route} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };

  return {
    url,
    pid: child.pid ?? 0,
    generateFleet: async (clusters, regions) =>
      void (await control("POST", "reset", { seed: { clusters, regions, seed: FLEET_SEED } })),
    resetWith: async (seed) => void (await control("POST", "reset", { seed })),
    setLatency: async (ms) => void (await control("POST", "config", { latencyMs: ms })),
    calls: async () => unwrapCalls(await control("GET", "calls")),
    resetCalls: async () => void (await control("DELETE", "calls")),
    cpuMs: () => processCpuMs(child.pid),
    stop: () => stopChild(child),
  };
}

// Linux reports utime and stime in clock ticks, 100 per second on every mainstream kernel build.
const TICK_MS = 10;

/** User + system CPU of another process from /proc (fields 14 and 15 of stat), undefined when unreadable. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** Accepts `{ "elasticache:X": n }` or `{ calls: { ... } }`, whichever the control API answers. */
function unwrapCalls(body: unknown): Record<string, number> {
  const obj = (body ?? {}) as Record<string, unknown>;
  const inner =
    typeof obj.calls === "object" && obj.calls !== null ? (obj.calls as Record<string, unknown>) : obj;
  return Object.fromEntries(Object.entries(inner).filter(([, v]) => typeof v === "number")) as Record<
    string,
    number
  >;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the sandbox exited with code ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${url}/_sandbox/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  await stopChild(child);
  throw new Error(`the sandbox did not answer /_sandbox/health within 30 s:\n${output()}`);
}

/** SIGTERM, then SIGKILL if it lingers: a benchmark must never leave a server behind. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
