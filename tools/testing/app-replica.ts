/**
 * One app replica for tests, started the way `npm start` starts it (lib/launch/start.ts, which runs
 * `next start` on the existing build) in a process group of its own, so that a test can kill the whole
 * replica at once (SIGKILL: a crashed container, no shutdown hooks) or stop it cleanly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface AppReplica {
  name: string;
  url: string;
  /** The launcher's pid (the process group's leader). */
  pid: number;
  /** The `next start` server's pid under the launcher (what the scheduler records as `host:pid`). */
  serverPids(): number[];
  /** The last lines the replica printed, for failure messages. */
  output(): string;
  /** SIGKILL to the whole group: nothing runs after it. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export async function startReplica(opts: {
  name: string;
  port: number;
  env: NodeJS.ProcessEnv;
  root?: string;
}): Promise<AppReplica> {
  const root = opts.root ?? process.cwd();
  const url = `http://127.0.0.1:${opts.port}`;
  // `node --import tsx` is what `tsx lib/launch/start.ts` (npm start) runs, minus tsx's own wrapper process.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/launch/start.ts")], {
    cwd: root,
    env: { ...opts.env, PORT: String(opts.port), HOST: "127.0.0.1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-6000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is already gone.
    }
  };
  const replica: AppReplica = {
    name: opts.name,
    url,
    pid: child.pid!,
    serverPids: () => descendants(child.pid!),
    output: () => log,
    kill: async () => {
      signalGroup("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitUntilServing(url, child, () => log);
  } catch (err) {
    await replica.kill();
    throw err;
  }
  return replica;
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  // Generous: two replicas start at once on a busy 2-core machine.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the replica exited (${child.exitCode}):\n${log()}`);
    const up = await fetch(`${url}/api/auth/csrf`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the replica at ${url} did not answer within 90 s:\n${log()}`);
}

function descendants(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .flatMap((c) => [c, ...descendants(c)]);
  } catch {
    return [];
  }
}
