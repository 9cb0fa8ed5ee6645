import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { AttemptLimiter } from "./attempt-limiter";
import { rateLimitedMessage } from "./callback-url";
import type { SessionUser } from "./roles";
import type { ConfiguredUser } from "./users";

/** The only thing a failed sign-in says: no hint whether the username or the password was wrong. */
export const WRONG_CREDENTIALS = "Wrong username or password.";

export type CredentialCheck =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "wrong-credentials" | "rate-limited"; message: string };

export interface CredentialCheckerOptions {
  /** The users, or a function giving the current ones (the configuration can change while running). */
  users: ConfiguredUser[] | (() => ConfiguredUser[]);
  limiter: AttemptLimiter;
  /** Every answer, right or wrong, takes at least this long, so timing tells nothing. */
  minDurationMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const MAX_INPUT = 1024;

/**
 * Builds the password check used by the credentials provider. Unknown usernames are compared against a
 * decoy hash of the same cost as the real ones, so they cost the same time as a wrong password.
 */
export function createCredentialChecker(options: CredentialCheckerOptions) {
  const { limiter } = options;
  const users = typeof options.users === "function" ? options.users : () => options.users as ConfiguredUser[];
  const minDurationMs = options.minDurationMs ?? 300;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const cost = Math.max(10, ...users().map((u) => bcrypt.getRounds(u.passwordHash)));
  const decoyHash = bcrypt.hashSync(randomBytes(18).toString("base64"), cost);

  async function check(username: string, password: string, address: string): Promise<CredentialCheck> {
    const limit = await limiter.check(username, address);
    if (!limit.allowed) {
      const minutes = Math.max(1, Math.ceil(limit.retryAfterMs / 60_000));
      return {
        ok: false,
        reason: "rate-limited",
        message: rateLimitedMessage(minutes),
      };
    }
    const wanted = username.toLowerCase();
    const user = users().find((u) => u.username.toLowerCase() === wanted);
    const usable = username.length > 0 && password.length > 0 && password.length <= MAX_INPUT;
    const matches = await bcrypt.compare(usable ? password : "", user?.passwordHash ?? decoyHash);
    if (user && usable && matches) {
      await limiter.recordSuccess(username, address);
      return {
        ok: true,
        user: { name: user.username, role: user.role, ...(user.accounts ? { accounts: user.accounts } : {}) },
      };
    }
    await limiter.recordFailure(username, address);
    return { ok: false, reason: "wrong-credentials", message: WRONG_CREDENTIALS };
  }

  return async function checkCredentials(
    username: string,
    password: string,
    address: string,
  ): Promise<CredentialCheck> {
    const started = now();
    const result = await check(username.slice(0, MAX_INPUT), password, address);
    const remaining = minDurationMs - (now() - started);
    if (remaining > 0) await sleep(remaining);
    return result;
  };
}
