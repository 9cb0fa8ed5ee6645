/**
 * What one status-page load came back as, in the red team's terms: served complete, served but
 * incomplete, sent to sign-in (the failure that reads as "your session has ended"), told to retry
 * (503/429 with Retry-After: shed load, session kept) or an error (any other answer, or none).
 */
export type LoadOutcome =
  "complete" | "incomplete" | "sent-to-sign-in" | "unavailable" | "rate-limited" | "error";

export function outcomeOf(status: number, location: string | null, complete: boolean): LoadOutcome {
  if (status === 200) return complete ? "complete" : "incomplete";
  if (status >= 300 && status < 400 && /\/sign-in(\?|$)/.test(location ?? "")) return "sent-to-sign-in";
  if (status === 503) return "unavailable";
  if (status === 429) return "rate-limited";
  return "error";
}

export type OutcomeCounts = Record<LoadOutcome, number>;

export const noOutcomes = (): OutcomeCounts => ({
  complete: 0,
  incomplete: 0,
  "sent-to-sign-in": 0,
  unavailable: 0,
  "rate-limited": 0,
  error: 0,
});
