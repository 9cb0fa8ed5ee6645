import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ApplyRun } from "@/lib/apply";
import { historyNotes } from "@/lib/wizard/history-notes";
import { RunStatusBadge } from "./run-status-badge";

/** Every apply, newest first: who, when, which cluster, the plan, the outcome. */
export function RunsTable({
  runs,
  accountNames = {},
}: {
  runs: ApplyRun[];
  /** Account id → name, from the estate; an account no longer configured shows its id only. */
  accountNames?: Record<string, string>;
}) {
  return (
    <Table aria-label="Applies">
      <THead>
        <tr>
          <Th>When (UTC)</Th>
          <Th>Who</Th>
          <Th>Cluster</Th>
          <Th>Plan</Th>
          <Th>Outcome</Th>
          <Th>
            <span className="sr-only">Details</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {runs.map((run) => (
          <Tr key={run.id}>
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
            <Th scope="row" className="normal-case tracking-normal">
              <span className="font-mono text-[13px] font-medium normal-case tracking-normal text-slate-900">
                {run.target.id}
              </span>
              <span className="block font-mono text-xs font-normal normal-case tracking-normal text-slate-500">
                {accountLabel(run.target.accountId, accountNames)} · {run.region}
              </span>
            </Th>
            <Td className="whitespace-normal">
              {run.plan.summaryLine}
              {historyNotes(run).map((note) => (
                <span key={note} className="block text-xs text-slate-500">
                  {note}
                </span>
              ))}
            </Td>
            <Td>
              <RunStatusBadge status={run.status} />
              {run.readiness ? (
                <span className="ml-2 text-xs text-slate-500">verdict: {run.readiness.verdict}</span>
              ) : null}
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
