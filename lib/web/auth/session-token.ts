/**
 * What a session token carries beyond next-auth's defaults, and the check each request makes of it. The JWT
 * alone would keep a removed user's role for 8 hours and outlive sign-out; these checks end it on the next
 * request instead. They also bound its age: next-auth re-issues the token (a new `iat` and `exp`) each time
 * the session is read, so a token used within every 8 hours would otherwise live for ever.
 */
import { randomUUID } from "node:crypto";
import type { LoggerInstance, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { RevocationStore } from "./revocations";
import { isDatabaseUnavailable } from "@/lib/adapters/db/availability";
import { isRole } from "./roles";
import type { UserDirectory } from "./user-directory";

/** Sessions last a working day; a stolen cookie stops working by the next morning. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;
/** Clocks of replicas disagree a little; a token issued further in the future than this was not ours. */
const CLOCK_SKEW_S = 60;

/** Thrown from the jwt callback: next-auth then answers "no session" and clears the cookie. */
export class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

/** A fresh token at sign-in: its own session id (what sign-out revokes) and the provider it came from. */
export function startSessionToken(token: JWT, user: User, provider: string | undefined): JWT {
  return {
    ...token,
    name: user.name,
    role: isRole(user.role) ? user.role : "viewer",
    ...(user.accounts ? { accounts: user.accounts } : {}),
    sid: randomUUID(),
    provider: provider ?? "credentials",
    signedInAt: Math.floor(Date.now() / 1000),
  };
}

/**
 * Why this token is too old (or from the future) to stand, or null. `iat` is when next-auth last issued it;
 * `signedInAt` is when its user signed in and never moves, so re-issuing cannot stretch a session.
 */
export function sessionAgeProblem(
  token: Pick<JWT, "iat" | "signedInAt">,
  nowS = Math.floor(Date.now() / 1000),
): string | null {
  for (const [claim, at] of [
    ["iat", token.iat],
    ["signedInAt", token.signedInAt],
  ] as const) {
    if (typeof at !== "number" || !Number.isFinite(at)) return `The session token has no ${claim}.`;
    if (at > nowS + CLOCK_SKEW_S) return `The session token's ${claim} is in the future.`;
    if (nowS - at > SESSION_MAX_AGE_S) return `The session is older than ${SESSION_MAX_AGE_S / 3600} hours.`;
  }
  return null;
}

/**
 * The token if its session still stands, with the role from the configuration as it is now; else throws.
 * Password users are looked up in the configured users; a single sign-on user's role comes from the identity
 * provider at sign-in and lasts for the session (the provider is not asked again per request).
 */
export async function checkSessionToken(
  token: JWT,
  deps: { directory: UserDirectory; revocations: RevocationStore },
): Promise<JWT> {
  if (typeof token.sid !== "string") throw new SessionEndedError("The session predates session ids.");
  const tooOld = sessionAgeProblem(token);
  if (tooOld) throw new SessionEndedError(tooOld);
  // A flag from an earlier request is never carried over: each request checks afresh.
  const checked: JWT = { ...token };
  delete checked.unverified;
  let revoked: boolean;
  try {
    revoked = await deps.revocations.isRevoked(token.sid);
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    // Unknown is neither "signed out" (that would send the user to sign in and drop the cookie) nor
    // "fine" (a revoked copy would work during an outage): keep the token, grant nothing, answer 503.
    return { ...checked, unverified: true };
  }
  if (revoked) throw new SessionEndedError("Signed out.");
  if (token.provider !== "credentials") return checked;
  const user = deps.directory.find(String(token.name ?? ""));
  if (!user) throw new SessionEndedError("The user is no longer configured.");
  // The accounts as configured now: a limit added or lifted in the file applies on the next request.
  const next: JWT = { ...checked, name: user.username, role: user.role, accounts: user.accounts };
  if (!user.accounts) delete next.accounts;
  return next;
}

/** next-auth's logger, minus the stack trace it prints for every ended session (an expected event). */
export const quietSessionEnded: Partial<LoggerInstance> = {
  error(code, metadata) {
    const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
    if (cause instanceof SessionEndedError) return;
    console.error(`[next-auth][error][${code}]`, metadata);
  },
};
