/**
 * The audit worker thread's entry point (see lib/services/audit/workers): answers each task the pool
 * posts with its result or its failure, tasks running side by side. Started by the pool, never by hand.
 */
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { runAuditTask, taskFailureOf, type AuditTask } from "@/lib/services/audit/workers/audit-tasks";
import type { WorkerReply } from "@/lib/services/audit/workers/worker-pool";

const AUDIT_NICE = 10;
const port = parentPort;
if (!port) throw new Error("lib/launch/audit-worker.ts runs as a worker thread of the audit pool.");

// On Linux a nice value is per thread: this lowers the audit's thread only, so when the cores are busy
// the server's own thread (the pages) is scheduled first and the audit takes what is left. An audit is
// minutes apart and nobody waits on its second; a page is waited on.
try {
  setPriority(AUDIT_NICE);
} catch {
  // Not permitted or not supported here: the audit still runs off the server's thread.
}

port.on("message", ({ id, task }: { id: number; task: AuditTask }) => {
  void runAuditTask(task).then(
    (value) => port.postMessage({ id, ok: true, value } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ id, ok: false, failure: taskFailureOf(err) } satisfies WorkerReply),
  );
});
