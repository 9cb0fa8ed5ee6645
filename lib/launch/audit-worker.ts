/**
 * The audit worker thread's entry point (see lib/services/audit/workers): answers each task the pool
 * posts with its result or its failure, tasks running side by side. Started by the pool, never by hand.
 */
import { parentPort } from "node:worker_threads";
import { runAuditTask, taskFailureOf, type AuditTask } from "@/lib/services/audit/workers/audit-tasks";
import type { WorkerReply } from "@/lib/services/audit/workers/worker-pool";

const port = parentPort;
if (!port) throw new Error("lib/launch/audit-worker.ts runs as a worker thread of the audit pool.");

port.on("message", ({ id, task }: { id: number; task: AuditTask }) => {
  void runAuditTask(task).then(
    (value) => port.postMessage({ id, ok: true, value } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ id, ok: false, failure: taskFailureOf(err) } satisfies WorkerReply),
  );
});
