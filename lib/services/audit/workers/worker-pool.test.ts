import { afterEach, describe, expect, it } from "vitest";
import { AwsError } from "@/lib/adapters/aws/errors";
import { createWorkerPool, type WorkerPool } from "./worker-pool";
import type { AuditTask } from "./audit-tasks";

// Stand-in workers in plain JavaScript (the pool only moves messages): each answers by the task's region.
const ANSWERING = `
const { parentPort, threadId } = require("node:worker_threads");
parentPort.on("message", ({ id, task }) => {
  if (task.region === "die") process.exit(3);
  if (task.region === "aws") return parentPort.postMessage({ id, ok: false, failure: { message: "m", problem: { code: "throttled", message: "Slow down.", retryable: true } } });
  setTimeout(() => parentPort.postMessage({ id, ok: true, value: { region: task.region, threadId } }), 20);
});`;

const task = (region: string) =>
  ({
    kind: "region",
    base: { regions: [], defaultRegion: "x", maxAttempts: 1 },
    env: {},
    accountId: "1",
    accountName: "one",
    region,
    listing: "l",
  }) as AuditTask;

let pool: WorkerPool | undefined;
afterEach(() => pool?.close());

describe("createWorkerPool", () => {
  it("spreads tasks in flight over its workers and answers each with its own result", async () => {
    pool = createWorkerPool({ source: ANSWERING, eval: true }, 2);
    const answers = (await Promise.all(["a", "b", "c", "d"].map((r) => pool!.run(task(r))))) as unknown as {
      region: string;
      threadId: number;
    }[];
    expect(answers.map((a) => a.region)).toEqual(["a", "b", "c", "d"]);
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(2);
  });

  it("gives back an AWS failure as an AwsError, and a dead worker's tasks fail while the next task gets a new one", async () => {
    pool = createWorkerPool({ source: ANSWERING, eval: true }, 1);
    const aws = await pool.run(task("aws")).catch((err: unknown) => err);
    expect(aws).toBeInstanceOf(AwsError);
    expect((aws as AwsError).problem.code).toBe("throttled");
    await expect(pool.run(task("die"))).rejects.toThrow(/The audit worker stopped: it exited with code 3/);
    await expect(pool.run(task("after"))).resolves.toMatchObject({ region: "after" });
  });
});
