/**
 * Counts failed sign-ins and refuses further tries for a while, so a password cannot be guessed at network
 * speed. Two windows: per username+address (5 failures) and per username across all addresses (20
 * failures), because a client can vary its address. The per-user window alone would let anyone lock a
 * known user out, so an address the user has signed in from before (their "usual" address) is held only to
 * its own per-address limit. Trade-off, in figures: someone who knows and can present a user's usual
 * address still gets at most 5 guesses per 10 minutes there (720 a day), and every guess costs a bcrypt
 * check (~85 ms at cost 10 on this hardware), while the real user keeps signing in.
 *
 * The counts and the usual addresses live in the database (lib/adapters/db/sign-in-limits.ts): replicas
 * share one budget instead of N, and a restart does not wipe the usual addresses (which would let rotating
 * addresses lock the operator out again) nor the failures.
 */
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import {
  clearFailures,
  failuresSince,
  lastSuccessFrom,
  recordFailure,
  recordUsualAddress,
} from "@/lib/adapters/db/sign-in-limits";

export interface LimiterOptions {
  windowMs: number;
  maxPerAddress: number;
  maxPerUser: number;
  /** How long a successful sign-in makes its address "usual" for that user. */
  usualForMs: number;
  /** Usual addresses remembered per user (the most recent). */
  maxUsualPerUser: number;
}

export const DEFAULT_LIMITS: LimiterOptions = {
  windowMs: 10 * 60_000,
  maxPerAddress: 5,
  maxPerUser: 20,
  usualForMs: 30 * 24 * 60 * 60_000,
  maxUsualPerUser: 5,
};

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The moment enough failures have aged out of the window to fall below the limit again. */
function unblockAt(times: Date[], max: number, windowMs: number): number {
  const oldestThatMatters = times[times.length - max] ?? times[0];
  return (oldestThatMatters?.getTime() ?? 0) + windowMs;
}

export class AttemptLimiter {
  private readonly options: LimiterOptions;

  constructor(
    options: Partial<LimiterOptions> = {},
    private readonly db: () => Promise<Db> = async () => (await defaultDatabase()).db,
    private readonly now: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_LIMITS, ...options };
  }

  /** Whether `username` may try again from `address` now. */
  async check(username: string, address: string): Promise<LimitCheck> {
    const t = this.now();
    const db = await this.db();
    const { maxPerAddress, maxPerUser, windowMs } = this.options;
    const since = new Date(t - windowMs);
    const [byAddress, byUser, lastSuccess] = await Promise.all([
      failuresSince(db, addressKey(username, address), since, maxPerAddress),
      failuresSince(db, userKey(username), since, maxPerUser),
      lastSuccessFrom(db, username.toLowerCase(), address),
    ]);
    const blocks: number[] = [];
    if (byAddress.length >= maxPerAddress) blocks.push(unblockAt(byAddress, maxPerAddress, windowMs));
    const usual = lastSuccess !== undefined && t - lastSuccess.getTime() < this.options.usualForMs;
    if (!usual && byUser.length >= maxPerUser) blocks.push(unblockAt(byUser, maxPerUser, windowMs));
    if (blocks.length === 0) return { allowed: true };
    return { allowed: false, retryAfterMs: Math.max(...blocks) - t };
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const t = this.now();
    await recordFailure(
      await this.db(),
      [addressKey(username, address), userKey(username)],
      new Date(t),
      new Date(t - this.options.windowMs),
    );
  }

  /** A correct password clears this address's count and makes the address usual for the user. */
  async recordSuccess(username: string, address: string): Promise<void> {
    const db = await this.db();
    await clearFailures(db, addressKey(username, address));
    await recordUsualAddress(
      db,
      username.toLowerCase(),
      address,
      new Date(this.now()),
      this.options.maxUsualPerUser,
    );
  }
}

function addressKey(username: string, address: string): string {
  return `a|${username.toLowerCase()}|${address}`;
}

function userKey(username: string): string {
  return `u|${username.toLowerCase()}`;
}
