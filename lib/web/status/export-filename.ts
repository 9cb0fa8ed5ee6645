/**
 * The export's file name says what is in it: `queueready-audit-all-…` only for every row; a filtered export
 * names its filters (account, region, kind, engine, verdicts, the search), so two downloads with different
 * filters neither look alike nor overwrite each other. Only letters, digits and hyphens, bounded in length.
 */
import type { StatusQuery } from "./status-query";

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");

export function exportFileName(query: StatusQuery, now: Date, format: "csv" | "json"): string {
  const stamp = now.toISOString().slice(0, 19).replaceAll(":", "").replace("T", "-");
  const search = slug(query.q);
  const parts = [
    query.accountId,
    query.region,
    query.kind,
    query.engine,
    ...query.verdicts,
    search ? `search-${search}` : undefined,
  ].filter((p): p is string => Boolean(p));
  return `queueready-audit-${parts.length > 0 ? parts.join("-") : "all"}-${stamp}.${format}`;
}
