import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { TARGET_KINDS } from "@/lib/core/identity/identity";
import { VERDICT_LABELS, type Verdict } from "@/lib/core/readiness/types";
import { engineLabel, kindLabel } from "./status-labels";
import {
  ENGINES,
  SORT_LABELS,
  isFilteredView,
  type SortKey,
  type StatusQuery,
} from "@/lib/web/status/status-query";

const field =
  "h-8 rounded-md border-0 bg-white px-2 text-[13px] text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const label = "block text-[11px] font-medium uppercase tracking-wide text-slate-500";

function Select(props: {
  id: string;
  name: string;
  title: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={props.id} className={label}>
        {props.title}
      </label>
      <select id={props.id} name={props.name} defaultValue={props.value} className={`${field} mt-1 max-w-52`}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Filters and sort as a plain GET form: the server filters and pages in SQL, so they work without
 * JavaScript, by keyboard, and the resulting URL is the view's address (back on page 1).
 */
export function StatusFilters(props: {
  query: StatusQuery;
  accounts: { id: string; name: string }[];
  regions: string[];
}) {
  const { query } = props;
  return (
    <form
      action="/status"
      method="get"
      role="search"
      aria-label="Filter clusters"
      className="flex flex-wrap items-end gap-3"
    >
      <div className="w-full sm:w-auto">
        <label htmlFor="filter-q" className={label}>
          Search
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={query.q}
          placeholder="name, VPC, group, policy"
          className={`${field} mt-1 w-full sm:w-52`}
        />
      </div>
      <Select
        id="filter-account"
        name="account"
        title="Account"
        value={query.accountId ?? ""}
        options={[
          ["", "All accounts"],
          ...props.accounts.map((a): [string, string] => [a.id, `${a.name} (${a.id})`]),
        ]}
      />
      <Select
        id="filter-region"
        name="region"
        title="Region"
        value={query.region ?? ""}
        options={[["", "All regions"], ...props.regions.map((r): [string, string] => [r, r])]}
      />
      <Select
        id="filter-verdict"
        name="verdict"
        title="Verdict"
        value={query.verdicts.length === 1 ? query.verdicts[0]! : ""}
        options={[
          ["", "All verdicts"],
          ...(Object.keys(VERDICT_LABELS) as Verdict[]).map((v): [string, string] => [v, VERDICT_LABELS[v]]),
        ]}
      />
      <Select
        id="filter-kind"
        name="kind"
        title="Kind"
        value={query.kind ?? ""}
        options={[["", "All kinds"], ...TARGET_KINDS.map((k): [string, string] => [k, kindLabel(k)])]}
      />
      <Select
        id="filter-engine"
        name="engine"
        title="Engine"
        value={query.engine ?? ""}
        options={[
          ["", "All engines"],
          ...ENGINES.map((e): [string, string] => [e, engineLabel(e, undefined)]),
        ]}
      />
      <Select
        id="filter-sort"
        name="sort"
        title="Sort"
        value={query.sort}
        options={(Object.keys(SORT_LABELS) as SortKey[]).map((s): [string, string] => [s, SORT_LABELS[s]])}
      />
      {/* Not "Apply": that word is the wizard's, for changing AWS; this only changes the view. */}
      <button type="submit" className={buttonClasses("secondary", "sm")}>
        Filter
      </button>
      {isFilteredView(query) ? (
        <Link href="/status" className={buttonClasses("ghost", "sm")}>
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
