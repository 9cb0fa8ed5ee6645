/**
 * The app's links to one target, in one place: every page, row, finding and run links through these, so the
 * URL shape (which names the account) changes here only.
 */
import type { TargetRef } from "./identity";

const q = encodeURIComponent;

/** The target's detail page. */
export function detailHref(ref: Pick<TargetRef, "region" | "kind" | "id">): string {
  return `/status/${q(ref.region)}/${q(ref.kind)}/${q(ref.id)}`;
}

/** The wizard's first step, pre-filled for this target. */
export function wizardHref(ref: Pick<TargetRef, "region" | "kind" | "id">): string {
  const query = new URLSearchParams({ region: ref.region, kind: ref.kind, id: ref.id });
  return `/wizard/target?${query.toString()}`;
}
