/**
 * A few worker threads that run audit tasks (./audit-tasks.ts) off the caller's event loop: the web
 * server keeps answering pages while the SDK parses XML and the rules run on other cores. A task goes
 * to the worker with the fewest in flight (each worker runs many at once: most of an account-region's
 * time is waiting on AWS). Workers start on the first task and stay; an idle pool does not keep the
 * process alive. A worker that dies fails its tasks with the reason and is replaced by the next task.
 */
import { Worker } from "node:worker_threads";
import { errorOf, type AuditTask, type AuditTaskResult, type TaskFailure } from "./audit-tasks";
import type { WorkerScript } from "./worker-script";

/** What a worker answers for task `id`. */
export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; failure: TaskFailure };

export interface WorkerPool {
  readonly size: number;
  run<T extends AuditTask>(task: T): Promise<AuditTaskResult<T>>;
  /** Stops every worker; tasks in flight fail. */
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>;
}

export function createWorkerPool(script: WorkerScript, size: number): WorkerPool {
  const slots: (Slot | undefined)[] = Array.from({ length: Math.max(1, size) }, () => undefined);
  let nextId = 1;

  const start = (index: number): Slot => {
    const worker = new Worker(script.source, { eval: script.eval });
    const slot: Slot = { worker, pending: new Map() };
    worker.unref();
    const settle = (reply: WorkerReply) => {
      const waiting = slot.pending.get(reply.id);
      if (!waiting) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(errorOf(reply.failure));
    };
    const fail = (why: string) => {
      if (slots[index] === slot) slots[index] = undefined;
      for (const waiting of slot.pending.values())
        waiting.reject(new Error(`The audit worker stopped: ${why}`));
      slot.pending.clear();
    };
    worker.on("message", settle);
    worker.on("error", (err) => fail(err.message));
    worker.on("exit", (code) => fail(`it exited with code ${code}`));
    return (slots[index] = slot);
  };

  // The least busy worker, starting one in an empty place first.
  const pick = (): Slot => {
    const free = slots.findIndex((s) => s === undefined);
    if (free >= 0) return start(free);
    return (slots as Slot[]).reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  };

  return {
    size: slots.length,
    run<T extends AuditTask>(task: T) {
      const slot = pick();
      const id = nextId++;
      slot.worker.ref();
      return new Promise<AuditTaskResult<T>>((resolve, reject) => {
        slot.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        slot.worker.postMessage({ id, task });
      });
    },
    async close() {
      const running = slots.filter((s): s is Slot => s !== undefined);
      slots.fill(undefined);
      await Promise.all(running.map((s) => s.worker.terminate()));
    },
  };
}
