/**
 * Target events as people read them: what happened, from which verdict to which, the rule that changed
 * (by its title when the finding is at hand) and the cause AWS gave. Pure, JSON-safe, shared by the
 * detail page's timeline and the "changed in the last 24 h" view.
 */
import { causeSummary } from "@/lib/services/alerts/cause";
import type { TargetEventRow } from "@/lib/adapters/db/target-events";

export interface TimelineEntry {
  id: string;
  at: string;
  event: TargetEventRow["event"];
  headline: string;
  target: { accountId: string; region: string; kind: string; id: string };
  verdictBefore: string | null;
  verdictAfter: string;
  /** "eviction-policy: Default parameter group default.redis7 attached: ..." per changed rule. */
  changes: string[];
  /** null: not looked up yet; "": AWS recorded nothing in the window; undefined: not a change to explain. */
  cause?: string | null;
}

const HEADLINES: Record<TargetEventRow["event"], string> = {
  "first-seen": "First seen, ready",
  new: "First seen, not ready",
  regressed: "Stopped being ready",
  resolved: "Became ready",
  changed: "Findings changed",
};

/** First sightings have no "before" to explain; they get a cause only when one was looked up. */
const EXPLAINED = new Set<TargetEventRow["event"]>(["regressed", "resolved", "changed"]);

export function timelineEntry(e: TargetEventRow, previous?: TargetEventRow): TimelineEntry {
  const titles = new Map([...(previous?.findings ?? []), ...e.findings].map((f) => [f.ruleId, f.title]));
  const failingNow = new Set(e.findings.filter((f) => f.severity === "fail").map((f) => f.ruleId));
  return {
    id: e.id,
    at: e.at.toISOString(),
    event: e.event,
    headline: HEADLINES[e.event],
    target: { accountId: e.accountId, region: e.region, kind: e.kind, id: e.targetId },
    verdictBefore: e.verdictBefore,
    verdictAfter: e.verdictAfter,
    changes: e.changedRules.map((rule) => {
      const title = titles.get(rule);
      const state = failingNow.has(rule) ? "now fails" : "passes now";
      return title ? `${rule} ${state}: ${title}` : `${rule} ${state}`;
    }),
    cause: e.cause ? (causeSummary(e.cause) ?? "") : EXPLAINED.has(e.event) ? null : undefined,
  };
}

/** A target's rows, oldest first, into entries newest first (each knows the findings before it). */
export function timelineOf(rows: TargetEventRow[]): TimelineEntry[] {
  return rows.map((e, i) => timelineEntry(e, rows[i - 1])).reverse();
}

export const formatUtc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
