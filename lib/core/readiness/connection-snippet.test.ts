import { describe, expect, it } from "vitest";
import { connectionSnippet } from "./connection-snippet";

describe("connectionSnippet", () => {
  it("builds an ioredis pair for a single-endpoint cluster", () => {
    expect(
      connectionSnippet({
        mode: "single",
        host: "orders.abc123.ng.0001.use1.cache.amazonaws.com",
        port: 6380,
        tls: false,
        auth: "none",
      }),
    ).toBe(
      [
        `import { Queue, Worker } from "bullmq";`,
        `import IORedis from "ioredis";`,
        ``,
        `const connection = {`,
        `  host: "orders.abc123.ng.0001.use1.cache.amazonaws.com",`,
        `  port: 6380,`,
        `};`,
        ``,
        `// Queues fail fast while the server is unreachable instead of buffering commands.`,
        `const queueConnection = new IORedis({ ...connection, enableOfflineQueue: false });`,
        `// Workers use blocking commands: BullMQ requires maxRetriesPerRequest: null.`,
        `const workerConnection = new IORedis({ ...connection, maxRetriesPerRequest: null });`,
        ``,
        `export const queue = new Queue("jobs", { connection: queueConnection });`,
        `export const worker = new Worker("jobs", async (job) => {`,
        `  // process job.data`,
        `}, { connection: workerConnection });`,
        ``,
      ].join("\n"),
    );
  });

  it("adds tls and the AUTH token from the environment, never a secret", () => {
    const code = connectionSnippet(
      { mode: "single", host: "h", port: 6379, tls: true, auth: "token" },
      { queueName: "emails" },
    );
    expect(code).toContain(`  tls: {},\n  password: process.env.REDIS_AUTH_TOKEN,\n};`);
    expect(code).toContain(`new Queue("emails"`);
  });

  it("uses username and password for RBAC", () => {
    expect(connectionSnippet({ mode: "single", host: "h", port: 6379, tls: false, auth: "rbac" })).toContain(
      `  username: process.env.REDIS_USERNAME,\n  password: process.env.REDIS_PASSWORD,\n};`,
    );
  });

  it("builds a Cluster client with dnsLookup, tls, the {bull} prefix and worker retries in cluster mode", () => {
    const code = connectionSnippet({
      mode: "cluster",
      host: "clustercfg.events.abc123.use1.cache.amazonaws.com",
      port: 6379,
      tls: true,
      auth: "token",
    });
    expect(code).toContain(`import { Cluster } from "ioredis";`);
    expect(code).toContain(
      `const nodes = [{ host: "clustercfg.events.abc123.use1.cache.amazonaws.com", port: 6379 }];`,
    );
    expect(code).toContain(`const redisOptions = { tls: {}, password: process.env.REDIS_AUTH_TOKEN };`);
    expect(code).toContain(
      `const queueConnection = new Cluster(nodes, { dnsLookup, redisOptions, enableOfflineQueue: false });`,
    );
    expect(code).toContain(
      `const workerConnection = new Cluster(nodes, { dnsLookup, redisOptions: { ...redisOptions, maxRetriesPerRequest: null } });`,
    );
    expect(code.match(/prefix: "\{bull\}"/g)).toHaveLength(2);
  });

  it("leaves dnsLookup out of a cluster without TLS", () => {
    const code = connectionSnippet({ mode: "cluster", host: "cfg", port: 7000, tls: false, auth: "none" });
    expect(code).not.toContain("dnsLookup");
    expect(code).toContain(`const redisOptions = {};`);
  });
});
