/**
 * The app's links to one target, in one place: every page, row, finding and run links through these, so the
 * URL shape (which names the account) changes here only.
 */
import type { TargetRef } from "./identity";

const q = encodeURIComponent;

type LinkRef = Pick<TargetRef, "accountId" | "region" | "kind" | "id">;

/** The target's detail page: `/status/<account>/<region>/<kind>/<id>`. */
export function detailHref(ref: LinkRef): string {
  return `/status/${q(ref.accountId)}/${q(ref.region)}/${q(ref.kind)}/${q(ref.id)}`;
}

/** The wizard's first step, pre-filled for this target; the account comes first, as in every wizard URL. */
export function wizardHref(ref: LinkRef): string {
  const query = new URLSearchParams({
    account: ref.accountId,
    region: ref.region,
    kind: ref.kind,
    id: ref.id,
  });
  return `/wizard/target?${query.toString()}`;
}
