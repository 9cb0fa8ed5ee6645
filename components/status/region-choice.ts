/**
 * Which regions a status view covers: `?region=us-east-1&region=eu-west-1`, `?regions=all`, or the default
 * region. Only configured regions are read (a URL must not make the app probe arbitrary regions); the rest
 * are named back so the page can say they are not configured.
 */
import { queryParams, type AuditQuery, type SearchParams } from "./audit-query";

export interface RegionChoice {
  /** The regions to read, never empty. */
  regions: string[];
  /** True for `?regions=all`: the view follows the configuration. */
  all: boolean;
  /** Asked for but not configured (trimmed for display). */
  unconfigured: string[];
}

function values(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function chooseRegions(
  params: SearchParams,
  configured: readonly string[],
  defaultRegion: string,
): RegionChoice {
  if (values(params.regions).includes("all"))
    return { regions: [...configured], all: true, unconfigured: [] };
  const asked = [
    ...new Set(
      values(params.region)
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
  const regions = asked.filter((r) => configured.includes(r));
  const unconfigured = asked
    .filter((r) => !configured.includes(r))
    .slice(0, 5)
    .map((r) => r.slice(0, 40));
  return { regions: regions.length > 0 ? regions : [defaultRegion], all: false, unconfigured };
}

/** The search string of a view: the regions first (`?region=eu-west-1`), then filters and sort. */
export function viewSearch(
  choice: Pick<RegionChoice, "regions" | "all">,
  query: AuditQuery,
  overrides: Partial<AuditQuery> = {},
): string {
  const regionPairs: [string, string][] = choice.all
    ? [["regions", "all"]]
    : choice.regions.map((r) => ["region", r]);
  return `?${new URLSearchParams([...regionPairs, ...queryParams(query, overrides)]).toString()}`;
}
