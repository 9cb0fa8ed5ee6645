/**
 * Real engines behind the sandbox (`--engines`, `SANDBOX_ENGINES=1`): each seeded Redis/Valkey node is a
 * `redis-server` on a loopback port. Needs `redis-server` on PATH; `openssl` for the TLS clusters.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { EngineManager } from "./manager";

export { EngineManager, type EngineInfo } from "./manager";

/** The AUTH token of the seeded AUTH-token clusters (secure-redis7), as a user would have set it. */
export const SANDBOX_AUTH_TOKEN = "sandbox-auth-token-0123456789";

/** The absolute path of a command on PATH, or undefined. */
export function which(command: string): string | undefined {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function enginesRequested(env: Record<string, string | undefined> = process.env): boolean {
  return env.SANDBOX_ENGINES === "1" || env.SANDBOX_ENGINES === "true";
}

/**
 * Whether this redis-server was built with TLS: one that was accepts `tls-port` (and exits at once, told to
 * listen nowhere); one that was not rejects it as a bad directive.
 */
export function redisHasTls(bin: string): boolean {
  const probe = spawnSync(bin, ["--port", "0", "--tls-port", "0", "--save", "", "--appendonly", "no"], {
    encoding: "utf8",
    timeout: 5000,
  });
  return !/Bad directive/i.test(`${probe.stdout}${probe.stderr}`);
}

/** An engine manager when `redis-server` is on PATH, else the reason there is none. */
export function createEngineManager(
  log: (line: string) => void,
): { ok: true; manager: EngineManager } | { ok: false; reason: string } {
  const bin = which("redis-server");
  if (!bin)
    return { ok: false, reason: "redis-server is not on PATH (Debian: apt-get install redis-server)" };
  const tls = redisHasTls(bin) && !!which("openssl");
  if (!tls)
    log(
      "engines: TLS clusters run without TLS (this redis-server has no TLS support, or openssl is missing)",
    );
  return { ok: true, manager: new EngineManager({ bin, authToken: SANDBOX_AUTH_TOKEN, tls, log }) };
}
