import { cx } from "@/components/ui/cx";
import { VERDICT_LABELS, type Verdict } from "@/lib/core/readiness/types";
import { statusSearch, type StatusQuery } from "@/lib/web/status/status-query";

const ACCENTS: Record<Verdict, string> = {
  ready: "bg-emerald-500",
  "needs-changes": "bg-amber-500",
  incompatible: "bg-red-500",
  "not-applicable": "bg-slate-400",
  unknown: "bg-violet-500",
};

/**
 * How many clusters fall under each verdict in the view (its account, region, kind, engine and search;
 * every filter but the verdict), counted in SQL. Each count is a link that filters to it (and, when
 * active, back to every verdict), so a card counts exactly the rows its link lists.
 */
export function StatusSummary({
  counts,
  query,
  notRead = 0,
}: {
  counts: Record<Verdict, number>;
  query: StatusQuery;
  /** Account-regions the latest audit could not read: their clusters are in no count. */
  notRead?: number;
}) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <nav
      aria-label="Verdict summary"
      className={cx(
        "grid grid-cols-2 gap-2 sm:grid-cols-3",
        notRead > 0 ? "sm:grid-cols-4 lg:grid-cols-7" : "lg:grid-cols-6",
      )}
    >
      <SummaryLink
        href={`/status${statusSearch(query, { verdicts: [] })}`}
        active={query.verdicts.length === 0}
        count={total}
        label={query.q || query.kind || query.engine ? "All matching" : "All clusters"}
      />
      {(Object.keys(VERDICT_LABELS) as Verdict[]).map((v) => {
        const active = query.verdicts.length === 1 && query.verdicts[0] === v;
        return (
          <SummaryLink
            key={v}
            href={`/status${statusSearch(query, { verdicts: active ? [] : [v] })}`}
            active={active}
            count={counts[v]}
            label={VERDICT_LABELS[v]}
            accent={ACCENTS[v]}
          />
        );
      })}
      {notRead > 0 ? (
        <SummaryLink
          href="#not-read"
          active={false}
          count={notRead}
          label="Not read"
          accent="bg-red-600"
          tone="alert"
        />
      ) : null}
    </nav>
  );
}

function SummaryLink(props: {
  href: string;
  active: boolean;
  count: number;
  label: string;
  accent?: string;
  tone?: "alert";
}) {
  return (
    <a
      href={props.href}
      aria-label={`${props.label}: ${props.count}`}
      aria-current={props.active ? "true" : undefined}
      className={cx(
        "group relative overflow-hidden rounded-lg border bg-white px-4 py-3 shadow-xs transition-colors hover:border-slate-300",
        props.active
          ? "border-indigo-400 ring-1 ring-indigo-400"
          : props.tone === "alert"
            ? "border-red-300 bg-red-50"
            : "border-slate-200",
      )}
    >
      {props.accent ? (
        <span aria-hidden className={cx("absolute inset-y-0 left-0 w-1", props.accent)} />
      ) : null}
      <span className="block text-2xl font-semibold tabular-nums text-slate-900">{props.count}</span>
      <span className="block text-[13px] font-medium text-slate-600">
        {props.label}
        {props.tone === "alert" ? <span className="sr-only"> (account-regions)</span> : null}
      </span>
    </a>
  );
}
