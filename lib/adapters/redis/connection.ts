/**
 * ioredis clients made with the settings of the connection snippet QueueReady shows for the cluster
 * (lib/core/readiness/connection-snippet.ts): a Cluster client on the configuration endpoint with `dnsLookup`
 * when TLS is on, `tls: {}`, the password, `enableOfflineQueue: false` for queues and
 * `maxRetriesPerRequest: null` for workers. Routes and short timeouts are the only additions: a check must
 * reach a VPC-internal endpoint from where QueueReady runs, and must never hang.
 */
import type { ConnectionOptions as TlsOptions } from "node:tls";
import Redis, { Cluster, type NatMap, type RedisOptions } from "ioredis";
import type { ConnectionInfo } from "@/lib/core/readiness/types";
import { routeTo, type EngineRoutes } from "./routes";

export interface ConnectSettings {
  connection: ConnectionInfo;
  routes: EngineRoutes;
  /** The AUTH token (or RBAC password): used for this check only, never stored. */
  password?: string;
  username?: string;
  /** Extra trusted CA (PEM), for engines whose certificate no public CA signed (the sandbox's). */
  ca?: string;
  timeoutMs: number;
}

export type EngineClient = Redis | Cluster;

/** The snippet's prefix: `{bull}` in cluster mode (one hash slot per queue), BullMQ's default `bull` otherwise. */
export function snippetPrefix(c: ConnectionInfo): string {
  return c.mode === "cluster" ? "{bull}" : "bull";
}

function tlsOptions(s: ConnectSettings): TlsOptions | undefined {
  if (!s.connection.tls) return undefined;
  // Through a route the socket goes to another address: check the certificate against the endpoint's name.
  return { servername: s.connection.host, ...(s.ca ? { ca: s.ca } : {}) };
}

function baseOptions(s: ConnectSettings): RedisOptions {
  return {
    tls: tlsOptions(s),
    username: s.username,
    password: s.password,
    connectTimeout: s.timeoutMs,
    commandTimeout: s.timeoutMs,
    // One attempt: an unreachable endpoint is an answer, not something to retry for minutes.
    retryStrategy: () => null,
    lazyConnect: true,
  };
}

function natMap(routes: EngineRoutes): NatMap {
  return Object.fromEntries(Object.entries(routes));
}

/** A client as the snippet makes it, for `use`: `queue` (fail fast), `worker` (blocking commands) or `check`. */
export function makeClient(s: ConnectSettings, use: "queue" | "worker" | "check"): EngineClient {
  const c = s.connection;
  const to = routeTo(s.routes, c.host, c.port);
  const perUse: RedisOptions =
    use === "worker"
      ? { maxRetriesPerRequest: null }
      : { enableOfflineQueue: false, maxRetriesPerRequest: 1 };
  if (c.mode === "single") return new Redis({ host: to.host, port: to.port, ...baseOptions(s), ...perUse });
  return new Cluster([{ host: to.host, port: to.port }], {
    ...(c.tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
    redisOptions: { ...baseOptions(s), ...(use === "worker" ? { maxRetriesPerRequest: null } : {}) },
    natMap: natMap(s.routes),
    enableOfflineQueue: use === "worker",
    lazyConnect: true,
    clusterRetryStrategy: () => null,
    slotsRefreshTimeout: s.timeoutMs,
  });
}

/**
 * Connects within the timeout; the client is closed when it does not. The first error the client emitted
 * wins over connect's own rejection, which is often just "Connection is closed" after a WRONGPASS.
 */
export async function connectClient(client: EngineClient, timeoutMs: number): Promise<void> {
  let first: unknown;
  client.on("error", (e: unknown) => (first ??= e));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error("connect timed out"), { code: "ETIMEDOUT" })),
      timeoutMs,
    );
  });
  try {
    await Promise.race([client.connect(), timeout]);
  } catch (e) {
    client.disconnect();
    throw first ?? e;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes politely, or drops the socket when the server does not answer QUIT in time. */
export async function closeClient(client: EngineClient): Promise<void> {
  if (client.status === "end") return;
  const quit = client.quit().catch(() => undefined);
  const timer = new Promise((r) => setTimeout(r, 1000));
  await Promise.race([quit, timer]);
  client.disconnect();
}
