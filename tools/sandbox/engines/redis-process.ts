/**
 * One `redis-server` child on a loopback port: no persistence, its own directory, readiness read from its
 * log ("Ready to accept connections"), and a stop that waits for the exit (SIGKILL after a grace period).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import net from "node:net";

export interface RedisProcess {
  pid: number;
  port: number;
  /** True once the process has exited. */
  exited(): boolean;
  stop(): Promise<void>;
}

/** A port free on 127.0.0.1 now; a small race remains until the server binds it (retried by the caller). */
export function freePort(): Promise<number> {
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

const READY = /Ready to accept connections/;

export interface StartOptions {
  bin: string;
  dir: string;
  port: number;
  /** Extra `--name value` arguments (config names as redis.conf spells them). */
  args: string[];
  /** Serve TLS on `port` instead of plain TCP. */
  tls?: { certFile: string; keyFile: string };
  timeoutMs?: number;
}

export function startRedisProcess(o: StartOptions): Promise<RedisProcess> {
  mkdirSync(o.dir, { recursive: true });
  const listen = o.tls
    ? ["--port", "0", "--tls-port", String(o.port), "--tls-cert-file", o.tls.certFile]
        .concat(["--tls-key-file", o.tls.keyFile, "--tls-ca-cert-file", o.tls.certFile])
        .concat(["--tls-auth-clients", "no", "--tls-replication", "yes"])
    : ["--port", String(o.port)];
  const args = [
    ...listen,
    ...["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    ...["--dir", o.dir, "--pidfile", `${o.dir}/redis.pid`, "--logfile", "", "--loglevel", "notice"],
    ...o.args,
  ];
  const child: ChildProcess = spawn(o.bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  let exited = false;
  let log = "";
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const grace = setTimeout(() => child.kill("SIGKILL"), 2000);
    await exit;
    clearTimeout(grace);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`redis-server on port ${o.port} was not ready in time: ${log.slice(-300)}`));
    }, o.timeoutMs ?? 10_000);
    const onOutput = (chunk: Buffer) => {
      log = (log + chunk.toString("utf8")).slice(-4000);
      if (READY.test(log)) {
        clearTimeout(timer);
        child.stdout?.off("data", onOutput);
        // Keep draining the pipes: a full pipe would block the server's logging.
        child.stdout?.resume();
        resolve({ pid: child.pid!, port: o.port, exited: () => exited, stop });
      }
    };
    child.stdout?.on("data", onOutput);
    child.stderr?.on("data", (c: Buffer) => (log = (log + c.toString("utf8")).slice(-4000)));
    child.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`redis-server on port ${o.port} exited: ${log.slice(-300).trim()}`));
    });
  });
}
