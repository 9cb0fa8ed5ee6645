/**
 * When a failed delivery is tried again: exponential (base, 2x base, 4x base ...) capped at `maxMs`, with
 * "full jitter" (a random point in [half, whole] of that delay) so replicas retrying the same receiver
 * after an outage do not arrive together. After `maxAttempts` the delivery is marked failed.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 15 * 60_000, maxAttempts: 8 };

/** The wait before attempt `attempt + 1`, after `attempt` (1-based) attempts failed. */
export function backoffMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** null when the delivery has used its attempts and should be marked failed. */
export function nextAttemptAt(
  attempt: number,
  now: Date,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): Date | null {
  if (attempt >= policy.maxAttempts) return null;
  return new Date(now.getTime() + backoffMs(attempt, policy, random));
}
