/**
 * What a notification says: the generic webhook's JSON (a stable contract for receivers) and a Slack
 * message people read. Both carry the same facts; the Slack one links to the cluster's page.
 */
import { causeSummary, type CauseEntry } from "./cause";
import type { TargetEventRow } from "@/lib/adapters/db/target-events";
import type { TargetRef } from "@/lib/core/identity/identity";
import { detailHref } from "@/lib/core/identity/links";
import { overrideLine, ownerFixLine, type AlertOverride } from "@/lib/core/alerts/owner-text";
import type { Owner } from "@/lib/core/model/ownership";

/** Who owns the target and the latest change made despite that owner (see lib/adapters/db/alert-context). */
export interface OwnerContext {
  owner: Owner | null;
  override: AlertOverride | null;
}

const NO_OWNER: OwnerContext = { owner: null, override: null };

export interface WebhookBody {
  event: TargetEventRow["event"];
  target: { accountId: string; region: string; kind: string; id: string };
  verdict: { before: string | null; after: string };
  findings: TargetEventRow["findings"];
  changedRules: string[];
  cause: { summary: string; events: CauseEntry[] } | null;
  at: string;
  url: string | null;
  /** The target's owner (CloudFormation stack, Terraform address), null when nothing claims it. */
  owner: Owner | null;
  /** Where the fix belongs when someone owns the target: "Managed by Terraform at …: fix it there; …". */
  fixWhere: string | null;
  /** The latest apply that changed the target's owned resources anyway, and the operator's reason. */
  ownerOverride: AlertOverride | null;
}

export function targetUrl(e: TargetEventRow, baseUrl: string | undefined): string | null {
  const ref = { accountId: e.accountId, region: e.region, kind: e.kind, id: e.targetId } as TargetRef;
  return baseUrl ? `${baseUrl}${detailHref(ref)}` : null;
}

export function webhookBody(
  e: TargetEventRow,
  baseUrl: string | undefined,
  ctx: OwnerContext = NO_OWNER,
): WebhookBody {
  const summary = causeSummary(e.cause);
  return {
    event: e.event,
    target: { accountId: e.accountId, region: e.region, kind: e.kind, id: e.targetId },
    verdict: { before: e.verdictBefore, after: e.verdictAfter },
    findings: e.findings,
    changedRules: e.changedRules,
    cause: summary ? { summary, events: e.cause ?? [] } : null,
    at: e.at.toISOString(),
    url: targetUrl(e, baseUrl),
    owner: ctx.owner,
    fixWhere: ownerFixLine(ctx.owner),
    ownerOverride: ctx.override,
  };
}

const HEADLINES: Record<TargetEventRow["event"], string> = {
  regressed: ":red_circle: is no longer ready for BullMQ",
  resolved: ":large_green_circle: is ready for BullMQ again",
  new: ":warning: is new and not ready for BullMQ",
  changed: "changed",
  "first-seen": "was seen for the first time",
};

// Slack's mrkdwn treats these three as markup; names from AWS are escaped so they show as typed.
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack incoming-webhook message: one readable block of text, the cluster linked when we know the URL. */
export function slackBody(
  e: TargetEventRow,
  baseUrl: string | undefined,
  opts: { mayRepeat?: boolean; context?: OwnerContext } = {},
): { text: string } {
  const url = targetUrl(e, baseUrl);
  const name = url ? `<${url}|${esc(e.targetId)}>` : `*${esc(e.targetId)}*`;
  const lines = [
    `${name} (${esc(e.kind)}, ${esc(e.region)}, account ${esc(e.accountId)}) ${HEADLINES[e.event]}`,
    `Verdict: ${e.verdictBefore ?? "none"} → ${e.verdictAfter}`,
  ];
  const failing = e.findings.filter((f) => f.severity === "fail");
  if (failing.length) lines.push(...failing.slice(0, 5).map((f) => `• ${esc(f.title)}`));
  const summary = causeSummary(e.cause);
  lines.push(
    summary
      ? `Cause (AWS events): ${esc(summary)}`
      : e.cause
        ? "Cause: AWS recorded no event for it or its parameter group around the change."
        : "Cause: not known (the AWS events could not be read in time).",
  );
  const fix = ownerFixLine(opts.context?.owner);
  if (fix) lines.push(esc(fix));
  if (opts.context?.override) lines.push(esc(overrideLine(opts.context.override)));
  // Slack cannot deduplicate: a resend after an interrupted send says it may be a repeat.
  if (opts.mayRepeat)
    lines.push("(This may repeat an earlier message: a QueueReady replica stopped while sending it.)");
  return { text: lines.join("\n") };
}
