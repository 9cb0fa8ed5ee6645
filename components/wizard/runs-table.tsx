import Link from "next/link";
import { RowHeader, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cx } from "@/components/ui/cx";
import type { ApplyRun } from "@/lib/adapters/db/run-records";
import { detailHref } from "@/lib/core/identity/links";
import { VERDICT_LABELS, type Verdict } from "@/lib/core/readiness/types";
import { historyNotes } from "@/lib/web/changes/history-notes";
import { RunStatusBadge } from "./run-status-badge";
import { RunControlMark } from "@/components/approvals/run-control";
import type { TrailEntry } from "@/lib/adapters/db/audit-trail";

/**
 * From xl the columns have fixed widths (1,230 px card: 792 px fixed, Plan takes the rest) and every cell
 * wraps inside its column, so a long plan line, a revert or a removal note makes the row taller, never the
 * table wider. Below xl each row is laid out as a card (the cluster with its outcome, then one labelled line
 * per fact, then Details), as the status table does; it stays a table for screen readers. The labels are
 * CSS text with an empty alternative, so a screen reader hears the real column headers only.
 */
const TABLE = cx(
  "xl:table-fixed",
  "[&_tbody_:is(td,th)]:align-top [&_tbody_:is(td,th)]:whitespace-normal [&_tbody_:is(td,th)]:[overflow-wrap:anywhere] xl:[&_:is(td,th)]:px-3",
  "max-xl:block max-xl:[&_tbody]:block max-xl:[&_thead]:sr-only",
  "max-xl:[&_tbody_tr]:grid max-xl:[&_tbody_tr]:grid-cols-[minmax(0,1fr)_auto] max-xl:[&_tbody_tr]:gap-x-4 max-xl:[&_tbody_tr]:gap-y-2",
  "max-xl:[&_tbody_tr]:px-4 max-xl:[&_tbody_tr]:py-3.5 sm:max-xl:[&_tbody_tr]:px-5",
  "max-xl:[&_tbody_:is(td,th)]:p-0 max-xl:[&_tbody_td]:relative max-xl:[&_tbody_td]:col-span-full max-xl:[&_tbody_td]:pl-24",
  "max-xl:[&_tbody_td]:before:absolute max-xl:[&_tbody_td]:before:font-sans max-xl:[&_tbody_td]:before:left-0 max-xl:[&_tbody_td]:before:top-px max-xl:[&_tbody_td]:before:text-xs max-xl:[&_tbody_td]:before:text-slate-500",
  "max-xl:[&_tbody_td:nth-child(2)]:col-span-1 max-xl:[&_tbody_td:nth-child(2)]:pl-0 max-xl:[&_tbody_td:nth-child(2)]:text-right",
  "max-xl:[&_tbody_td:nth-child(3)]:before:content-['When_(UTC)'_/_''] max-xl:[&_tbody_td:nth-child(4)]:before:content-['Who'_/_'']",
  "max-xl:[&_tbody_td:nth-child(5)]:before:content-['Plan'_/_''] max-xl:[&_tbody_td:last-child]:pl-0",
  // Details as a small button, a target a thumb can hit.
  "max-xl:[&_tbody_td:last-child_a]:inline-flex max-xl:[&_tbody_td:last-child_a]:min-h-8 max-xl:[&_tbody_td:last-child_a]:items-center max-xl:[&_tbody_td:last-child_a]:rounded-md max-xl:[&_tbody_td:last-child_a]:px-3 max-xl:[&_tbody_td:last-child_a]:ring-1 max-xl:[&_tbody_td:last-child_a]:ring-slate-300",
);

/**
 * Every apply, newest first. The cluster (a link to its page) and the outcome come first: on a phone they
 * head each row's card, and they are what a person looks for.
 */
export function RunsTable({
  runs,
  accountNames = {},
  control = new Map(),
}: {
  runs: ApplyRun[];
  /** Each run's audit-trail line: marks a break-glass apply, links an approved plan. */
  control?: ReadonlyMap<string, TrailEntry>;
  /** Account id → name, from the estate; an account no longer configured shows its id only. */
  accountNames?: Record<string, string>;
}) {
  // Newest first, so the first revert met for a run is its latest.
  const revertedBy = new Map<string, ApplyRun>();
  for (const r of runs)
    if (r.plan.revert && !revertedBy.has(r.plan.revert.runId)) revertedBy.set(r.plan.revert.runId, r);
  return (
    <Table aria-label="Applies" className={TABLE}>
      <THead>
        <tr>
          <Th className="xl:w-[14rem]">Cluster</Th>
          <Th className="xl:w-[12rem]">Outcome</Th>
          <Th className="xl:w-[10.5rem]">When (UTC)</Th>
          <Th className="xl:w-[9rem]">Who</Th>
          <Th>Plan</Th>
          <Th className="xl:w-[6rem]">
            <span className="sr-only">Details</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {runs.map((run) => (
          <Tr key={run.id}>
            <RowHeader>
              <Link
                href={detailHref({ ...run.target, region: run.region })}
                className="font-mono text-[13px] font-medium text-indigo-700 hover:underline max-xl:text-sm"
              >
                {run.target.id}
              </Link>
              <span className="block font-mono text-xs font-normal text-slate-500">
                <AccountLabel accountId={run.target.accountId} names={accountNames} /> ·{" "}
                <span className="whitespace-nowrap">{run.region}</span>
              </span>
            </RowHeader>
            <Td>
              <RunStatusBadge status={run.status} />
              {run.readiness ? (
                <span className="mt-1 block text-xs text-slate-500">
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
              <RunControlMark entry={control.get(run.id)} />
            </Td>
            <Td>
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

/** The same label, the 12-digit id kept whole when the cell wraps. */
function AccountLabel({ accountId, names }: { accountId: string; names: Record<string, string> }) {
  const name = names[accountId];
  const id = <span className="whitespace-nowrap tabular-nums">{accountId}</span>;
  return name && name !== accountId ? (
    <>
      {name} <span className="whitespace-nowrap tabular-nums">({accountId})</span>
    </>
  ) : (
    id
  );
}
