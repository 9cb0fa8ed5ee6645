import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ApplyRun } from "@/lib/adapters/db/run-records";
import { VERDICT_LABELS, type Verdict } from "@/lib/core/readiness/types";
import { historyNotes } from "@/lib/web/changes/history-notes";
import { RunStatusBadge } from "./run-status-badge";

/**
 * Every apply, newest first. The cluster and the outcome come first: on a phone the table scrolls sideways
 * and those two are what a person looks for.
 */
export function RunsTable({
  runs,
  accountNames = {},
}: {
  runs: ApplyRun[];
  /** Account id → name, from the estate; an account no longer configured shows its id only. */
  accountNames?: Record<string, string>;
}) {
  // Newest first, so the first revert met for a run is its latest.
  const revertedBy = new Map<string, ApplyRun>();
  for (const r of runs)
    if (r.plan.revert && !revertedBy.has(r.plan.revert.runId)) revertedBy.set(r.plan.revert.runId, r);
  return (
    <Table aria-label="Applies">
      <THead>
        <tr>
          <Th>Cluster</Th>
          <Th>Outcome</Th>
          <Th>When (UTC)</Th>
          <Th>Who</Th>
          <Th>Plan</Th>
          <Th>
            <span className="sr-only">Details</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {runs.map((run) => (
          <Tr key={run.id}>
            <Th scope="row" className="normal-case tracking-normal">
              <span className="font-mono text-[13px] font-medium normal-case tracking-normal text-slate-900">
                {run.target.id}
              </span>
              <span className="block font-mono text-xs font-normal normal-case tracking-normal text-slate-500">
                {accountLabel(run.target.accountId, accountNames)} · {run.region}
              </span>
            </Th>
            <Td>
              <RunStatusBadge status={run.status} />
              {run.readiness ? (
                <span className="ml-2 text-xs text-slate-500">
                  verdict: {VERDICT_LABELS[run.readiness.verdict as Verdict] ?? run.readiness.verdict}
                </span>
              ) : null}
            </Td>
            <Td className="font-mono text-xs">{run.startedAt.replace("T", " ").slice(0, 19)}</Td>
            <Td>
              {run.user.name} <span className="text-xs text-slate-500">({run.user.role})</span>
              {run.origin === "cli" ? (
                <span
                  className="ml-1.5 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700"
                  title="Applied with npm run apply"
                >
                  CLI
                </span>
              ) : null}
            </Td>
            <Td className="whitespace-normal">
              {run.plan.revert ? (
                <span className="block text-xs font-medium text-slate-700">
                  Revert of{" "}
                  <Link
                    href={`/changes/${run.plan.revert.runId}`}
                    className="font-mono text-indigo-700 hover:underline"
                  >
                    {run.plan.revert.runId}
                  </Link>
                </span>
              ) : null}
              {run.plan.summaryLine}
              {revertedBy.has(run.id) ? (
                <span className="block text-xs text-slate-600">
                  Reverted by{" "}
                  <Link
                    href={`/changes/${revertedBy.get(run.id)!.id}`}
                    className="font-mono text-indigo-700 hover:underline"
                  >
                    {revertedBy.get(run.id)!.id}
                  </Link>{" "}
                  ({revertedBy.get(run.id)!.status})
                </span>
              ) : null}
              {historyNotes(run).map((note) => (
                <span key={note} className="block text-xs text-slate-500">
                  {note}
                </span>
              ))}
            </Td>
            <Td>
              <Link href={`/changes/${run.id}`} className="text-indigo-700 hover:underline">
                Details
              </Link>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** "staging (210987654321)", or the id alone when the name is the id or unknown. */
export function accountLabel(accountId: string, names: Record<string, string>): string {
  const name = names[accountId];
  return name && name !== accountId ? `${name} (${accountId})` : accountId;
}
