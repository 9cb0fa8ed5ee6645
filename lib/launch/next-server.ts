import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface NextServerOptions {
  root: string;
  host: string;
  port: number;
  env: NodeJS.ProcessEnv;
}

/**
 * Starts `next start` directly from node_modules/.bin, not through npx: killing npx by pid leaves
 * next-server orphaned, while this child is the server itself.
 */
export function startNextServer(options: NextServerOptions): ChildProcess {
  const bin = path.join(options.root, "node_modules", ".bin", "next");
  return spawn(bin, ["start", "-H", options.host, "-p", String(options.port)], {
    cwd: options.root,
    env: options.env,
    stdio: "inherit",
  });
}

/**
 * Ties this launcher's life to the server's: SIGINT/SIGTERM/SIGHUP go to the server, and when the
 * server exits `cleanup` runs (e.g. stop the sandbox) before this process exits with its code.
 */
export function superviseServer(child: ChildProcess, cleanup: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      child.kill(signal);
    });
  }
  child.on("exit", (code, signal) => {
    void cleanup()
      .catch((err: unknown) =>
        console.error(`Cleanup failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => process.exit(code ?? (signal ? 0 : 1)));
  });
  child.on("error", (err) => {
    console.error(`Could not start next: ${err.message}`);
    void cleanup().finally(() => process.exit(1));
  });
}
