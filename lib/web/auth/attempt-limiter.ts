/**
 * Counts failed sign-ins in memory and refuses further tries for a while, so a password cannot be guessed
 * at network speed. Two windows: per username+address (5 failures) and per username across all addresses
 * (20 failures), because a client can vary its address. The per-user window alone would let anyone lock a
 * known user out, so an address the user has signed in from before (their "usual" address) is held only to
 * its own per-address limit. Trade-off, in figures: someone who knows and can present a user's usual
 * address still gets at most 5 guesses per 10 minutes there (720 a day), and every guess costs a bcrypt
 * check (~85 ms at cost 10 on this hardware), while the real user keeps signing in.
 * In-memory is enough for one server process.
 */
export interface LimiterOptions {
  windowMs: number;
  maxPerAddress: number;
  maxPerUser: number;
  /**
   * Entries kept before pruning. Pruning drops expired entries, then the oldest that block nothing; an
   * active block is never evicted. Blocks cannot pile up without bound: each needs 5 failures, and each
   * failure a bcrypt check, so 2 cores answer ~24 failures a second, ~14,000 per 10-minute window.
   */
  maxKeys: number;
  /** How long a successful sign-in makes its address "usual" for that user. */
  usualForMs: number;
  /** Usual addresses remembered per user (the most recent). */
  maxUsualPerUser: number;
}

export const DEFAULT_LIMITS: LimiterOptions = {
  windowMs: 10 * 60_000,
  maxPerAddress: 5,
  maxPerUser: 20,
  maxKeys: 10_000,
  usualForMs: 30 * 24 * 60 * 60_000,
  maxUsualPerUser: 5,
};

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterMs: number };

export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();
  /** Per lower-cased username: address → time of the last successful sign-in from it. */
  private readonly usual = new Map<string, Map<string, number>>();
  private readonly options: LimiterOptions;

  constructor(
    options: Partial<LimiterOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_LIMITS, ...options };
  }

  /** Whether `username` may try again from `address` now. */
  check(username: string, address: string): LimitCheck {
    const t = this.now();
    const byAddress = this.recent(addressKey(username, address), t);
    const blocks: number[] = [];
    if (byAddress.length >= this.options.maxPerAddress)
      blocks.push(this.unblockAt(byAddress, this.options.maxPerAddress));
    if (!this.isUsual(username, address, t)) {
      const byUser = this.recent(userKey(username), t);
      if (byUser.length >= this.options.maxPerUser)
        blocks.push(this.unblockAt(byUser, this.options.maxPerUser));
    }
    if (blocks.length === 0) return { allowed: true };
    return { allowed: false, retryAfterMs: Math.max(...blocks) - t };
  }

  recordFailure(username: string, address: string): void {
    const t = this.now();
    if (this.failures.size >= this.options.maxKeys) this.prune(t);
    for (const [key, max] of [
      [addressKey(username, address), this.options.maxPerAddress],
      [userKey(username), this.options.maxPerUser],
    ] as const) {
      // Only the last `max` failures decide a block, so an entry never grows past that.
      this.failures.set(key, [...this.recent(key, t), t].slice(-max));
    }
  }

  /** A correct password clears this address's count and makes the address usual for the user. */
  recordSuccess(username: string, address: string): void {
    const t = this.now();
    this.failures.delete(addressKey(username, address));
    const name = username.toLowerCase();
    const known = this.usual.get(name) ?? new Map<string, number>();
    known.delete(address);
    known.set(address, t);
    while (known.size > this.options.maxUsualPerUser) known.delete(known.keys().next().value!);
    this.usual.set(name, known);
  }

  private isUsual(username: string, address: string, t: number): boolean {
    const at = this.usual.get(username.toLowerCase())?.get(address);
    return at !== undefined && t - at < this.options.usualForMs;
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
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key, t).length === 0) this.failures.delete(key);
    }
    // Still full: drop the oldest entries that block nothing (Map order is insertion order).
    let excess = this.failures.size - Math.floor(this.options.maxKeys * 0.9);
    for (const key of [...this.failures.keys()]) {
      if (excess <= 0) break;
      const max = key.startsWith("u|") ? this.options.maxPerUser : this.options.maxPerAddress;
      if (this.recent(key, t).length >= max) continue;
      this.failures.delete(key);
      excess--;
    }
  }
}

function addressKey(username: string, address: string): string {
  return `a|${username.toLowerCase()}|${address}`;
}

function userKey(username: string): string {
  return `u|${username.toLowerCase()}`;
}
