/**
 * What changed for a target between its last definite verdict and this audit's: pure, so every case is a
 * unit test. Unknown is no verdict (a read error must never raise or clear an alert), and not-applicable
 * counts with ready as "nothing to do": a memcached cluster is not a BullMQ target, so alerting on it as
 * "new" would only teach people to ignore the channel.
 */

export type TransitionEvent = "first-seen" | "new" | "regressed" | "resolved" | "changed";

/** Events that notify (webhook, Slack); first-seen and changed only go on the timeline. */
export const NOTIFIABLE: readonly TransitionEvent[] = ["new", "regressed", "resolved"];

export interface FindingSummary {
  ruleId: string;
  severity: string;
  title: string;
}

export interface VerdictSnapshot {
  verdict: string;
  findings: FindingSummary[];
}

export interface Transition {
  event: TransitionEvent;
  verdictBefore: string | null;
  verdictAfter: string;
  findings: FindingSummary[];
  /** The rules whose result differs between before and after (failing now and not before, or the reverse). */
  changedRules: string[];
}

/** Verdicts that need no action: a change between them and the others is an alert. */
const OK_VERDICTS = new Set(["ready", "not-applicable"]);
const DEFINITE = new Set(["ready", "needs-changes", "incompatible", "not-applicable"]);

export const isDefinite = (verdict: string): boolean => DEFINITE.has(verdict);
export const isOk = (verdict: string): boolean => OK_VERDICTS.has(verdict);

/** The rules that block Ready; warnings and rules that could not decide do not make a change. */
function failingRules(findings: FindingSummary[]): Set<string> {
  return new Set(findings.filter((f) => f.severity === "fail").map((f) => f.ruleId));
}

function difference(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((x) => !b.has(x));
}

/**
 * The event this audit's result makes, given the target's last definite state (`undefined`: never seen).
 * Returns null when there is nothing to record.
 */
export function transitionOf(before: VerdictSnapshot | undefined, after: VerdictSnapshot): Transition | null {
  if (!isDefinite(after.verdict)) return null;
  const now = failingRules(after.findings);
  const base = { verdictAfter: after.verdict, findings: after.findings };
  if (!before) {
    const event = isOk(after.verdict) ? "first-seen" : "new";
    return { ...base, event, verdictBefore: null, changedRules: [...now].sort() };
  }
  const was = failingRules(before.findings);
  const changedRules = [...difference(now, was), ...difference(was, now)].sort();
  const wasOk = isOk(before.verdict);
  const nowOk = isOk(after.verdict);
  const verdictBefore = before.verdict;
  if (wasOk && !nowOk) return { ...base, event: "regressed", verdictBefore, changedRules };
  if (!wasOk && nowOk) return { ...base, event: "resolved", verdictBefore, changedRules };
  if (before.verdict !== after.verdict || changedRules.length > 0)
    return { ...base, event: "changed", verdictBefore, changedRules };
  return null;
}
