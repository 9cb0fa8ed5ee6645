/**
 * Counts failed sign-ins in memory and refuses further tries for a while, so a password cannot be
 * guessed at network speed. Two windows: per username+address (5 failures) and per username across all
 * addresses (20 failures), because the client address comes from X-Forwarded-For, which a client
 * can set itself when no proxy overwrites it. In-memory is enough for one server process.
 */
export interface LimiterOptions {
  windowMs: number;
  maxPerAddress: number;
  maxPerUser: number;
  /** Entries kept at most, so a flood of made-up usernames cannot exhaust memory. */
  maxKeys: number;
}

export const DEFAULT_LIMITS: LimiterOptions = {
  windowMs: 10 * 60_000,
  maxPerAddress: 5,
  maxPerUser: 20,
  maxKeys: 10_000,
};

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterMs: number };

export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: LimiterOptions = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `username` may try again from `address` now. */
  check(username: string, address: string): LimitCheck {
    const t = this.now();
    const byAddress = this.recent(addressKey(username, address), t);
    const byUser = this.recent(userKey(username), t);
    const blocks: number[] = [];
    if (byAddress.length >= this.options.maxPerAddress)
      blocks.push(this.unblockAt(byAddress, this.options.maxPerAddress));
    if (byUser.length >= this.options.maxPerUser)
      blocks.push(this.unblockAt(byUser, this.options.maxPerUser));
    if (blocks.length === 0) return { allowed: true };
    return { allowed: false, retryAfterMs: Math.max(...blocks) - t };
  }

  recordFailure(username: string, address: string): void {
    const t = this.now();
    if (this.failures.size >= this.options.maxKeys) this.prune(t);
    for (const key of [addressKey(username, address), userKey(username)]) {
      this.failures.set(key, [...this.recent(key, t), t]);
    }
  }

  /** A correct password clears this address's count; the per-user count stays until it ages out. */
  recordSuccess(username: string, address: string): void {
    this.failures.delete(addressKey(username, address));
  }

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => t - at < this.options.windowMs);
  }

  /** The moment enough failures have aged out of the window to fall below the limit again. */
  private unblockAt(times: number[], max: number): number {
    const oldestThatMatters = times[times.length - max] ?? times[0] ?? 0;
    return oldestThatMatters + this.options.windowMs;
  }

  private prune(t: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((at) => t - at >= this.options.windowMs)) this.failures.delete(key);
    }
    // Still full of live entries: drop the oldest keys rather than grow without bound.
    const excess = this.failures.size - Math.floor(this.options.maxKeys * 0.9);
    if (excess > 0) [...this.failures.keys()].slice(0, excess).forEach((k) => this.failures.delete(k));
  }
}

function addressKey(username: string, address: string): string {
  return `a|${username.toLowerCase()}|${address}`;
}

function userKey(username: string): string {
  return `u|${username.toLowerCase()}`;
}
