/**
 * The BullMQ connection code for one cluster, made from what the audit read: an ioredis client (or a Cluster
 * client on the configuration endpoint in cluster mode), `tls: {}` and `dnsLookup` when needed, the password
 * from the environment (never a real secret), `maxRetriesPerRequest: null` for workers (BullMQ requires it
 * for blocking commands) and `enableOfflineQueue: false` for queues (fail fast instead of buffering).
 */
import type { ConnectionInfo } from "./types";

export interface SnippetOptions {
  /** The queue name in the example, default `jobs`. */
  queueName?: string;
}

function authLines(c: ConnectionInfo, indent: string): string[] {
  if (c.auth === "rbac")
    return [
      `${indent}username: process.env.REDIS_USERNAME,`,
      `${indent}password: process.env.REDIS_PASSWORD,`,
    ];
  if (c.auth === "token") return [`${indent}password: process.env.REDIS_AUTH_TOKEN,`];
  return [];
}

function single(c: ConnectionInfo, queue: string): string[] {
  return [
    `import { Queue, Worker } from "bullmq";`,
    `import IORedis from "ioredis";`,
    ``,
    `const connection = {`,
    `  host: ${JSON.stringify(c.host)},`,
    `  port: ${c.port},`,
    ...(c.tls ? [`  tls: {},`] : []),
    ...authLines(c, "  "),
    `};`,
    ``,
    `// Queues fail fast while the server is unreachable instead of buffering commands.`,
    `const queueConnection = new IORedis({ ...connection, enableOfflineQueue: false });`,
    `// Workers use blocking commands: BullMQ requires maxRetriesPerRequest: null.`,
    `const workerConnection = new IORedis({ ...connection, maxRetriesPerRequest: null });`,
    ``,
    `export const queue = new Queue(${JSON.stringify(queue)}, { connection: queueConnection });`,
    `export const worker = new Worker(${JSON.stringify(queue)}, async (job) => {`,
    `  // process job.data`,
    `}, { connection: workerConnection });`,
  ];
}

function cluster(c: ConnectionInfo, queue: string): string[] {
  const redisOptions = [...(c.tls ? ["tls: {}"] : []), ...authLines(c, "").map((l) => l.replace(/,$/, ""))];
  return [
    `import { Queue, Worker } from "bullmq";`,
    `import { Cluster } from "ioredis";`,
    ``,
    `// The configuration endpoint: the client discovers every shard from it.`,
    `const nodes = [{ host: ${JSON.stringify(c.host)}, port: ${c.port} }];`,
    `const redisOptions = ${redisOptions.length ? `{ ${redisOptions.join(", ")} }` : "{}"};`,
    ...(c.tls
      ? [
          `// With TLS, keep the hostnames AWS returns so the certificate check passes.`,
          `const dnsLookup = (address: string, callback: (err: Error | null, address: string) => void) => callback(null, address);`,
        ]
      : []),
    ``,
    `const queueConnection = new Cluster(nodes, { ${c.tls ? "dnsLookup, " : ""}redisOptions, enableOfflineQueue: false });`,
    `// Workers use blocking commands: BullMQ requires maxRetriesPerRequest: null.`,
    `const workerConnection = new Cluster(nodes, { ${c.tls ? "dnsLookup, " : ""}redisOptions: { ...redisOptions, maxRetriesPerRequest: null } });`,
    ``,
    `// Cluster mode: every key of a queue must hash to one slot, hence the {hash-tag} prefix.`,
    `export const queue = new Queue(${JSON.stringify(queue)}, { connection: queueConnection, prefix: "{bull}" });`,
    `export const worker = new Worker(${JSON.stringify(queue)}, async (job) => {`,
    `  // process job.data`,
    `}, { connection: workerConnection, prefix: "{bull}" });`,
  ];
}

/** TypeScript for a BullMQ Queue and Worker connected to this cluster. */
export function connectionSnippet(c: ConnectionInfo, opts: SnippetOptions = {}): string {
  const queue = opts.queueName ?? "jobs";
  return `${(c.mode === "cluster" ? cluster(c, queue) : single(c, queue)).join("\n")}\n`;
}
