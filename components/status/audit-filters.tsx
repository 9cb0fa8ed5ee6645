import { VERDICT_LABELS, type Verdict } from "@/lib/readiness/types";
import { buttonClasses } from "@/components/ui/button";
import { ENGINES, SORT_LABELS, isFiltered, type AuditQuery, type SortKey } from "./audit-query";
import { viewSearch, type RegionChoice } from "./region-choice";
import { engineLabel } from "./status-labels";

const field =
  "h-8 rounded-md border-0 bg-white px-2 text-[13px] text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const label = "block text-[11px] font-medium uppercase tracking-wide text-slate-500";

/**
 * Filters and sort as a plain GET form: the server applies them, so they work before (and without) any
 * JavaScript, and the resulting URL is the view's address.
 */
export function AuditFilters({ choice, query }: { choice: RegionChoice; query: AuditQuery }) {
  return (
    <form
      action="/status"
      method="get"
      role="search"
      aria-label="Filter clusters"
      className="flex flex-wrap items-end gap-3"
    >
      {choice.all ? (
        <input type="hidden" name="regions" value="all" />
      ) : (
        choice.regions.map((r) => <input key={r} type="hidden" name="region" value={r} />)
      )}
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
          className={`${field} mt-1 w-full sm:w-56`}
        />
      </div>
      <div>
        <label htmlFor="filter-verdict" className={label}>
          Verdict
        </label>
        <select
          id="filter-verdict"
          name="verdict"
          defaultValue={query.verdicts.length === 1 ? query.verdicts[0] : ""}
          className={`${field} mt-1`}
        >
          <option value="">All verdicts</option>
          {(Object.keys(VERDICT_LABELS) as Verdict[]).map((v) => (
            <option key={v} value={v}>
              {VERDICT_LABELS[v]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-engine" className={label}>
          Engine
        </label>
        <select
          id="filter-engine"
          name="engine"
          defaultValue={query.engine ?? ""}
          className={`${field} mt-1`}
        >
          <option value="">All engines</option>
          {ENGINES.map((e) => (
            <option key={e} value={e}>
              {engineLabel(e, undefined)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-sort" className={label}>
          Sort
        </label>
        <select id="filter-sort" name="sort" defaultValue={query.sort} className={`${field} mt-1`}>
          {(Object.keys(SORT_LABELS) as SortKey[]).map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {/* Not "Apply": that word is the wizard's, for changing AWS; this only changes the view. */}
      <button type="submit" className={buttonClasses("secondary", "sm")}>
        Filter
      </button>
      {isFiltered(query) ? (
        <a
          href={`/status${viewSearch(choice, query, { verdicts: [], engine: undefined, q: "" })}`}
          className={buttonClasses("ghost", "sm")}
        >
          Clear filters
        </a>
      ) : null}
    </form>
  );
}
