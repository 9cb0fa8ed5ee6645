import Link from "next/link";
import type { TrailEntry } from "@/lib/adapters/db/audit-trail";

/** A short mark for the history: applied without approval (break glass), or under which approval. */
export function RunControlMark({ entry }: { entry: TrailEntry | undefined }) {
  if (entry?.event === "overridden")
    return (
      <span
        className="ml-1.5 rounded bg-red-50 px-1.5 py-0.5 text-[11px] font-medium text-red-800 ring-1 ring-red-200"
        title={entry.detail}
      >
        without approval
      </span>
    );
  if (entry?.approvalId)
    return (
      <Link
        href={`/changes/approvals/${entry.approvalId}`}
        className="ml-1.5 text-[11px] text-indigo-700 underline"
      >
        approved plan
      </Link>
    );
  return null;
}

/** The run's line in the audit trail: how it was allowed, and the AWS request id of each write. */
export function RunControl({ entry, running }: { entry: TrailEntry | undefined; running: boolean }) {
  if (!entry)
    return running ? (
      <p className="text-[13px] text-slate-500">The audit trail records this run when it ends.</p>
    ) : null;
  return (
    <div className="space-y-2 text-[13px] text-slate-800">
      <p>
        {entry.event === "overridden" ? (
          <strong className="text-red-800">Applied without approval by {entry.actor} (break glass). </strong>
        ) : entry.approvalId ? (
          <>
            Applied under <Link href={`/changes/approvals/${entry.approvalId}`}>an approved plan</Link>
            {entry.changeRef ? ` (change ${entry.changeRef})` : ""}.{" "}
          </>
        ) : null}
        {entry.detail}
      </p>
      {entry.requestIds.length > 0 ? (
        <ul aria-label="AWS request ids" className="space-y-0.5 font-mono text-xs text-slate-600">
          {entry.requestIds.map((w) => (
            <li key={`${w.operation}-${w.requestId}`}>
              {w.operation}: {w.requestId}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-500">No AWS write was made.</p>
      )}
    </div>
  );
}
