/**
 * The address of the "changed in the last 24 h" view: which events (real changes by default, first
 * sightings, or both) and which page. Anything else in the URL falls back to the default, never a 500.
 */
import { z } from "zod";
import type { TargetEventRow } from "@/lib/adapters/db/records";

export const CHANGES_PAGE_SIZE = 50;

export const CHANGE_VIEWS = {
  changes: { label: "Changes", events: ["regressed", "resolved", "changed"] },
  new: { label: "First seen", events: ["new", "first-seen"] },
  all: { label: "Everything", events: ["regressed", "resolved", "changed", "new", "first-seen"] },
} as const satisfies Record<string, { label: string; events: TargetEventRow["event"][] }>;

export type ChangeView = keyof typeof CHANGE_VIEWS;

const querySchema = z.object({
  show: z.enum(Object.keys(CHANGE_VIEWS) as [ChangeView, ...ChangeView[]]).catch("changes"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export interface ChangesQuery {
  show: ChangeView;
  page: number;
}

const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseChangesQuery(params: Record<string, string | string[] | undefined>): ChangesQuery {
  return querySchema.parse({ show: firstOf(params.show) ?? "changes", page: firstOf(params.page) ?? 1 });
}

/** `/status/changes?show=new&page=2`, leaving defaults out so the plain view keeps the plain address. */
export function changesHref(q: ChangesQuery): string {
  const params = new URLSearchParams();
  if (q.show !== "changes") params.set("show", q.show);
  if (q.page > 1) params.set("page", String(q.page));
  const search = params.toString();
  return `/status/changes${search ? `?${search}` : ""}`;
}
