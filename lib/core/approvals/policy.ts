/**
 * When an apply needs a second person: `QUEUEREADY_REQUIRE_APPROVAL=1` for every account, or
 * `requireApproval: true` on an account in the accounts file; and how long an approval stays good
 * (`QUEUEREADY_APPROVAL_TTL`, default 24h). Pure: the caller passes the environment.
 */
export const DEFAULT_APPROVAL_TTL_MS = 24 * 60 * 60_000;
/** Longer than a week is no longer a review of the live state the plan was read from. */
export const MAX_APPROVAL_TTL_MS = 7 * 24 * 60 * 60_000;

export interface ApprovalPolicy {
  /** Every account needs approval (the environment switch); accounts may also ask for it one by one. */
  everywhere: boolean;
  /** Accounts whose accounts-file entry says `requireApproval: true`. */
  accounts: ReadonlySet<string>;
  ttlMs: number;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `30m`, `24h`, `2d` → milliseconds, or a sentence saying what is wrong. */
export function parseApprovalTtl(
  text: string | undefined,
): { ok: true; ms: number } | { ok: false; reason: string } {
  const value = text?.trim();
  if (!value) return { ok: true, ms: DEFAULT_APPROVAL_TTL_MS };
  const match = /^(\d{1,6})([smhd])$/.exec(value);
  if (!match)
    return { ok: false, reason: `QUEUEREADY_APPROVAL_TTL "${value}" is not a duration like 30m, 24h or 2d.` };
  const ms = Number(match[1]) * UNIT_MS[match[2]!]!;
  if (ms < 60_000 || ms > MAX_APPROVAL_TTL_MS)
    return { ok: false, reason: `QUEUEREADY_APPROVAL_TTL must be between 1m and 7d (got ${value}).` };
  return { ok: true, ms };
}

const TRUE = new Set(["1", "true", "yes", "on"]);

export function approvalPolicyFromEnv(
  env: Record<string, string | undefined>,
  accounts: Iterable<string> = [],
): { ok: true; policy: ApprovalPolicy } | { ok: false; reason: string } {
  const ttl = parseApprovalTtl(env.QUEUEREADY_APPROVAL_TTL);
  if (!ttl.ok) return ttl;
  const everywhere = TRUE.has((env.QUEUEREADY_REQUIRE_APPROVAL ?? "").trim().toLowerCase());
  return { ok: true, policy: { everywhere, accounts: new Set(accounts), ttlMs: ttl.ms } };
}

/** Whether a plan touching these accounts needs an approval before it applies. */
export function needsApproval(policy: ApprovalPolicy, accountIds: Iterable<string>): boolean {
  if (policy.everywhere) return true;
  for (const id of accountIds) if (policy.accounts.has(id)) return true;
  return false;
}

/**
 * The stricter of two policies: approval everywhere if either says so, every account either names, the
 * shorter time to live. `npm run apply` joins its own environment's policy with the one the app recorded.
 */
export function strictestPolicy(a: ApprovalPolicy, b: ApprovalPolicy | undefined): ApprovalPolicy {
  if (!b) return a;
  return {
    everywhere: a.everywhere || b.everywhere,
    accounts: new Set([...a.accounts, ...b.accounts]),
    ttlMs: Math.min(a.ttlMs, b.ttlMs),
  };
}
