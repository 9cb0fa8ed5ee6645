/**
 * The sandbox's own connection to one of its engines (it may run CONFIG and CLUSTER; ElastiCache clients
 * may not). Short-lived: open, run, quit.
 */
import { readFileSync } from "node:fs";
import Redis from "ioredis";

export interface AdminTarget {
  port: number;
  password?: string;
  /** The certificate the engine serves (it is its own CA) when it speaks TLS. */
  caFile?: string;
}

export async function withAdmin<T>(t: AdminTarget, run: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis({
    host: "127.0.0.1",
    port: t.port,
    password: t.password,
    // The engines' certificate names the AWS endpoints, not 127.0.0.1: trust it by its CA, skip the name.
    tls: t.caFile ? { ca: readFileSync(t.caFile), checkServerIdentity: () => undefined } : undefined,
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    return await run(redis);
  } finally {
    redis.disconnect();
  }
}

/** Polls `check` every 50 ms until it is true or `timeoutMs` passes. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
