/**
 * The export is an API a script calls: a filter it cannot honour must be refused, not dropped (the page drops
 * them to stay usable; a download that silently ignored `region=` would hand over every region instead).
 */
import type { SearchParams, StatusQuery } from "./status-query";

export interface ConfiguredEstate {
  accounts: string[];
  regions: string[];
}

const given = (params: SearchParams, key: string) => {
  const v = params[key];
  const values = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return values.map((s) => s.trim()).filter((s) => s !== "");
};

/** The first filter that was asked for but cannot be applied, as the sentence to answer with; else undefined. */
export function exportFilterProblem(
  params: SearchParams,
  query: StatusQuery,
  configured: ConfiguredEstate,
): string | undefined {
  const [region] = given(params, "region");
  if (region !== undefined && (query.region === undefined || !configured.regions.includes(region)))
    return `Region "${region.slice(0, 40)}" is not configured; configured: ${configured.regions.join(", ")}.`;
  const [account] = given(params, "account");
  if (account !== undefined && (query.accountId === undefined || !configured.accounts.includes(account)))
    return `Account "${account.slice(0, 40)}" is not configured; configured: ${configured.accounts.join(", ")}.`;
  for (const key of ["kind", "engine", "sort"] as const) {
    const [value] = given(params, key);
    const parsed = key === "kind" ? query.kind : key === "engine" ? query.engine : query.sort;
    if (value !== undefined && parsed !== value)
      return `${key} "${value.slice(0, 40)}" is not one of its values.`;
  }
  const verdicts = given(params, "verdict");
  const unknown = verdicts.find((v) => !(query.verdicts as string[]).includes(v));
  if (unknown !== undefined) return `verdict "${unknown.slice(0, 40)}" is not one of its values.`;
  return undefined;
}
