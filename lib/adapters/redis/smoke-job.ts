/**
 * The BullMQ smoke job: what a user's app will do, done once. A queue with a unique name under the snippet's
 * prefix, one job added, a Worker completes it, the round trip timed; then the queue is obliterated, every
 * connection closed, and the keys left under the queue's name counted (there must be none).
 */
import { randomUUID } from "node:crypto";
import { Queue, Worker } from "bullmq";
import { Cluster } from "ioredis";
import {
  closeClient,
  connectClient,
  makeClient,
  type ConnectSettings,
  type EngineClient,
} from "./connection";
import type { SmokeJob } from "@/lib/core/verify/verification";

async function countKeys(client: EngineClient, pattern: string): Promise<number> {
  const nodes = client instanceof Cluster ? client.nodes("master") : [client];
  let count = 0;
  for (const node of nodes) {
    let cursor = "0";
    do {
      const [next, keys] = await node.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      count += keys.length;
    } while (cursor !== "0");
  }
  return count;
}

function completion(worker: Worker, jobId: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the job was not completed within ${timeoutMs} ms`)),
      timeoutMs,
    );
    worker.on("completed", (job) => {
      if (job.id !== jobId) return;
      clearTimeout(timer);
      resolve();
    });
    worker.on("failed", (job, err) => {
      if (job?.id !== jobId) return;
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** Runs one job through BullMQ; `prefix` defaults to the snippet's (tests pass another to show CROSSSLOT). */
export async function runSmokeJob(s: ConnectSettings, prefix: string): Promise<SmokeJob> {
  const name = `queueready-smoke-${randomUUID().slice(0, 8)}`;
  const queueClient = makeClient(s, "queue");
  const workerClient = makeClient(s, "worker");
  let queue: Queue | undefined;
  let worker: Worker | undefined;
  let result: SmokeJob;
  try {
    await Promise.all([connectClient(queueClient, s.timeoutMs), connectClient(workerClient, s.timeoutMs)]);
    // The caller read INFO already (policy, version) and reports it once: BullMQ's own check would print
    // its eviction warning on stderr once per connection (three: queue, worker, blocking).
    queue = new Queue(name, { connection: queueClient, prefix, skipVersionCheck: true });
    worker = new Worker(name, async (job) => ({ echoed: job.data as unknown }), {
      connection: workerClient,
      prefix,
      skipVersionCheck: true,
    });
    worker.on("error", () => undefined);
    queue.on("error", () => undefined);
    const started = performance.now();
    const job = await queue.add("smoke", { from: "queueready" }, { removeOnComplete: false });
    await completion(worker, job.id!, s.timeoutMs * 2);
    result = { ok: true, ms: Math.round(performance.now() - started) };
  } catch (e) {
    result = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  try {
    await worker?.close(true);
    await queue?.obliterate({ force: true });
    await queue?.close();
    if (queueClient.status === "ready") {
      const keysLeft = await countKeys(queueClient, `${prefix}:${name}*`);
      result = { ...result, keysLeft };
      if (result.ok && keysLeft > 0)
        result = { ...result, ok: false, error: `${keysLeft} keys were left behind` };
    }
  } catch (e) {
    // Cleanup failing after a failed job (e.g. CROSSSLOT again) keeps the first error, the one that matters.
    if (result.ok)
      result = { ok: false, error: `cleanup failed: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    await Promise.all([closeClient(queueClient), closeClient(workerClient)]);
  }
  return result;
}
