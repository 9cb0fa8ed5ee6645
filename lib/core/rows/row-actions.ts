/**
 * What each status row offers: the fix action for a row that needs one (the wizard for what it can fix, the
 * cluster's page for what only a person can).
 */
import { detailHref, wizardHref } from "@/lib/core/identity/links";
import type { ClusterAudit } from "@/lib/core/readiness/types";

export interface RowAction {
  label: string;
  href: string;
}

/** The fix a row needs, or undefined for a row with nothing to fix (ready, not applicable). */
export function fixActionOf(c: Pick<ClusterAudit, "ref" | "verdict">): RowAction | undefined {
  const detail = detailHref(c.ref);
  if (c.verdict === "needs-changes" && c.ref.kind !== "serverless")
    return { label: "Fix", href: wizardHref(c.ref) };
  // Incompatible (serverless, Redis below 5) and unknown need a person: the detail page says what to do.
  if (c.verdict === "incompatible") return { label: "See how to fix", href: detail };
  if (c.verdict === "unknown") return { label: "See what is unknown", href: detail };
  return undefined;
}
