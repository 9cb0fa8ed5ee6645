import { CopyBlock } from "@/components/status/copy-block";
import { connectionSnippet } from "@/lib/core/readiness/connection-snippet";
import type { ConnectionInfo } from "@/lib/core/readiness/types";

/**
 * The BullMQ connection code for the target, made from the preview's own read: a Cluster client in cluster
 * mode (every MemoryDB cluster), TLS when in transit encryption is on, the `{prefix}` hash tag that keeps a
 * queue's keys in one slot. Closed by default, so the preview stays short.
 */
export function ConnectionPreview({ id, connection }: { id: string; connection?: ConnectionInfo }) {
  if (!connection) return null;
  const cluster = connection.mode === "cluster";
  return (
    <details className="rounded-lg border border-slate-200">
      <summary className="cursor-pointer px-4 py-2.5 text-[13px] font-medium text-slate-800">
        Connect BullMQ to {id}
      </summary>
      <div className="space-y-2 border-t border-slate-200 p-3">
        <p className="text-xs text-slate-600">
          {cluster
            ? "An ioredis Cluster client on the cluster endpoint; the queue prefix in braces ({bull}) keeps each queue's keys in one hash slot."
            : "An ioredis client on the primary endpoint."}
          {connection.tls ? " TLS is on: the client connects with tls." : ""}
        </p>
        <CopyBlock label="TypeScript · bullmq + ioredis" text={connectionSnippet(connection)} />
      </div>
    </details>
  );
}
