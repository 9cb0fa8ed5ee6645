import { spawn } from "node:child_process";
import net from "node:net";
import Redis from "ioredis";
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { describeEngines } from "@/tools/testing/engine-sandbox";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, engines: true, applyDelayMs: 100 });
});
afterAll(async () => {
  await sandbox?.close();
});

const reachable = (address: string) =>
  new Promise<boolean>((resolve) => {
    const [host, port] = address.split(":");
    const socket = net.connect({ host, port: Number(port) });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

async function infoOf(address: string, section: string): Promise<string> {
  const redis = new Redis({ host: "127.0.0.1", port: Number(address.split(":")[1]), lazyConnect: true });
  await redis.connect();
  try {
    return await redis.info(section);
  } finally {
    redis.disconnect();
  }
}

async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) if (await check()) return true;
  return false;
}

describeEngines("the sandbox's real engines", () => {
  it("lists every engine at GET /_sandbox/engines with its AWS endpoint and loopback address", async () => {
    const res = await fetch(`${sandbox.url}/_sandbox/engines`);
    const list = (await res.json()) as {
      cacheClusterId: string;
      endpoint: string;
      address: string;
      accountId: string;
    }[];
    expect(list).toHaveLength(31);
    const orders = list.find((e) => e.cacheClusterId === "orders-redis7-002")!;
    expect(orders).toMatchObject({
      accountId: "123456789012",
      region: "us-east-1",
      nodeId: "0001",
      endpoint: "orders-redis7-002.abc123.0001.use1.cache.amazonaws.com:6379",
      address: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
    });
    const replication = await infoOf(orders.address, "replication");
    expect(replication).toMatch(/role:slave/);
    const primary = list.find((e) => e.cacheClusterId === "orders-redis7-001")!;
    expect(replication).toContain(`master_port:${primary.address.split(":")[1]}`);
    const cluster = list.find((e) => e.cacheClusterId === "events-cluster-0002-001")!;
    expect(await infoOf(cluster.address, "cluster")).toMatch(/cluster_enabled:1/);
  });

  it("a reset restarts the engines from the seed on the same addresses and CA (routes stay right)", async () => {
    const before = await sandbox.control.engines();
    const caBefore = await sandbox.control.engineCa();
    const orders = before.find((e) => e.cacheClusterId === "orders-redis7-001")!;
    const port = Number(orders.address.split(":")[1]);
    const redis = new Redis({ host: "127.0.0.1", port, lazyConnect: true });
    await redis.connect();
    await redis.set("left-from-before", "1");
    redis.disconnect();
    const res = await fetch(`${sandbox.url}/_sandbox/reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(200);
    const after = await sandbox.control.engines();
    expect(after.map((e) => e.address)).toEqual(before.map((e) => e.address));
    // QueueReady was handed this CA at start: a new one would fail every TLS check after a reset.
    expect(await sandbox.control.engineCa()).toBe(caBefore);
    const fresh = new Redis({ host: "127.0.0.1", port, lazyConnect: true });
    await fresh.connect();
    expect(await fresh.dbsize()).toBe(0);
    fresh.disconnect();
    const sessions = after.find((e) => e.cacheClusterId === "sessions-redis62-001")!;
    expect(await infoOf(sessions.address, "memory")).toMatch(/maxmemory_policy:allkeys-lru/);
  });

  it("CloudWatch's memory metrics are the engine's INFO: used_memory against maxmemory", async () => {
    sandbox.control.reset();
    const engines = await sandbox.control.engines();
    const jobs = engines.find((e) => e.cacheClusterId === "jobs-valkey8-001")!;
    const redis = new Redis({
      host: "127.0.0.1",
      port: Number(jobs.address.split(":")[1]),
      lazyConnect: true,
    });
    await redis.connect();
    await redis.set("ballast", "x".repeat(4 * 1024 * 1024));
    const field = (n: string) => Number(new RegExp(`^${n}:(\\d+)`, "m").exec(info)![1]);
    const cw = new CloudWatchClient({
      region: "us-east-1",
      endpoint: sandbox.url,
      credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" },
    });
    const end = new Date();
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(end.getTime() - 5 * 60_000),
        EndTime: end,
        MetricDataQueries: ["BytesUsedForCache", "DatabaseMemoryUsagePercentage"].map((MetricName, i) => ({
          Id: `m${i}`,
          MetricStat: {
            Metric: {
              Namespace: "AWS/ElastiCache",
              MetricName,
              Dimensions: [{ Name: "CacheClusterId", Value: "jobs-valkey8-001" }],
            },
            Period: 60,
            Stat: "Maximum",
          },
        })),
      }),
    );
    cw.destroy();
    // Read after the metric call: right after a big SET, used_memory still counts its query buffer.
    const info = await redis.info("memory");
    redis.disconnect();
    const [bytes, percent] = out.MetricDataResults!.map((r) => r.Values![0]!);
    // The 4 MiB just written is in used_memory (give or take the engine's own churn between the reads).
    expect(bytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(Math.abs(bytes! - field("used_memory"))).toBeLessThan(256 * 1024);
    expect(percent).toBeCloseTo((100 * bytes!) / field("maxmemory"), 6);
    expect(percent).not.toBeCloseTo(42, 0);
  });

  it("a generated fleet has no engines; a crashed sandbox process leaves no redis-server behind", async () => {
    sandbox.control.reset({ clusters: 50 });
    expect(await sandbox.control.engines()).toEqual([]);

    // One process (tsx's own CLI would put a wrapper between the kill and the sandbox).
    const child = spawn(process.execPath, ["--import", "tsx", "tools/testing/fixtures/engine-child.ts"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const addresses = await new Promise<string[]>((resolve) =>
      child.stdout.once("data", (d: Buffer) => resolve(JSON.parse(d.toString("utf8")) as string[])),
    );
    expect(addresses.length).toBeGreaterThan(20);
    child.kill("SIGKILL");
    const allGone = async () => !(await Promise.all(addresses.map(reachable))).includes(true);
    expect(await waitUntil(allGone, 5000)).toBe(true);
  });
});
