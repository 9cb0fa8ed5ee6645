import { Card, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { plural } from "@/lib/core/text/plural";
import { VERDICT_LABELS, type Verdict } from "@/lib/core/readiness/types";
import type { AccountGroup } from "@/lib/web/status/stored-status";
import { AwsProblemNotice } from "./aws-problem-notice";
import { StoredTable } from "./stored-table";

function tallyText(counts: Record<Verdict, number>): string {
  return (Object.keys(VERDICT_LABELS) as Verdict[])
    .filter((v) => counts[v] > 0)
    .map((v) => `${counts[v]} ${VERDICT_LABELS[v].toLowerCase()}`)
    .join(", ");
}

/**
 * One account's heading (name, id, counts) with its problem, then its rows on this page. An account that
 * could not be reached, or a region of it that could not be read, is said here as that account's problem,
 * never shown as an empty list.
 */
export function AccountSection({ group, filtered }: { group: AccountGroup; filtered: boolean }) {
  const tally = tallyText(group.counts);
  const shown =
    filtered && group.matching !== group.total
      ? `${group.matching} of ${plural(group.total, "cluster")} match`
      : plural(group.total, "cluster");
  return (
    <Card aria-label={`Account ${group.name} (${group.accountId})`}>
      <CardHeader
        title={
          <>
            {group.name}{" "}
            <span className="font-mono text-[13px] font-normal text-slate-500">{group.accountId}</span>
          </>
        }
        description={`${shown}${tally ? ` (${tally})` : ""}`}
      />
      {/* A problem quotes role ARNs, one long word: it wraps anywhere rather than widen a phone's page. */}
      {group.problem || group.regionProblems.length > 0 ? (
        <div className="space-y-2 border-b border-slate-200 px-5 py-4 [overflow-wrap:anywhere]">
          {group.problem ? (
            <Notice tone="warning" title="QueueReady cannot read this account">
              {group.problem} Its clusters are Unknown until the role can be assumed
              {group.stale > 0 ? `; ${plural(group.stale, "row")} below show what was last read` : ""}.
            </Notice>
          ) : (
            group.regionProblems.map((p, i) => (
              <AwsProblemNotice
                key={i}
                what={
                  p.failed
                    ? `nothing in ${p.region} could be read${group.stale > 0 ? " (its rows show what was last read)" : ""}`
                    : `the checks that need it in ${p.region} are Unknown`
                }
                problem={p.problem}
              />
            ))
          )}
        </div>
      ) : null}
      {group.rows.length > 0 ? (
        <StoredTable rows={group.rows} label={`Clusters in ${group.name} (${group.accountId})`} />
      ) : (
        <p className="px-5 py-8 text-center text-sm text-slate-500">
          {group.problem
            ? "Nothing to list until the account can be read."
            : group.total > 0
              ? "No cluster in this account matches the filters."
              : "No ElastiCache clusters in this account's audited regions."}
        </p>
      )}
    </Card>
  );
}
