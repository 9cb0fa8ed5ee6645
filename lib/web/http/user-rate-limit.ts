/**
 * Per-user limits on what spends the accounts' AWS API rate: each wizard step reads AWS live, and each
 * preview reads it and stores a plan. One viewer reloading previews in parallel made ~50,000 previews an
 * hour; with these limits a user gets a burst, then a steady rate, then 429 with Retry-After.
 *
 * Kept per process, on purpose: the check runs in the proxy before every wizard request and must cost no
 * database round trip (nor fail when the database does), and what it protects is each replica's AWS call
 * rate. With N replicas behind a balancer a user's ceiling is N times these figures, which still bounds
 * the API spend; the durable, shared limits are the sign-in ones (lib/web/auth/attempt-limiter.ts).
 */
import { z } from "zod";
import { TokenBuckets, type BucketLimits, type Take } from "@/lib/core/rate/token-buckets";

export type LimitedKind = "preview" | "wizard";

export const DEFAULT_RATE_LIMITS: Record<LimitedKind, BucketLimits> = {
  // A person previews a change a few times while deciding: 6 at once, then one every 5 s.
  preview: { capacity: 6, perMinute: 12 },
  // Walking the wizard is a handful of pages and checks per change: 30 at once, then one a second.
  wizard: { capacity: 30, perMinute: 60 },
};

const perMinute = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number.` })
    .int(`${name} must be a whole number.`)
    .min(1, `${name} must be at least 1.`)
    .max(100_000, `${name} must be at most 100000.`);

/** Limits from QUEUEREADY_PREVIEWS_PER_MINUTE and QUEUEREADY_WIZARD_READS_PER_MINUTE (burst: half a minute's). */
export function rateLimitsFromEnv(
  env: Record<string, string | undefined>,
): Record<LimitedKind, BucketLimits> {
  const read = (name: string, fallback: BucketLimits): BucketLimits => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const parsed = perMinute(name).safeParse(raw);
    if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
    return { perMinute: parsed.data, capacity: Math.max(1, Math.ceil(parsed.data / 2)) };
  };
  return {
    preview: read("QUEUEREADY_PREVIEWS_PER_MINUTE", DEFAULT_RATE_LIMITS.preview),
    wizard: read("QUEUEREADY_WIZARD_READS_PER_MINUTE", DEFAULT_RATE_LIMITS.wizard),
  };
}

/** Which limit a request path counts against, if any. */
export function limitedKindOf(pathname: string): LimitedKind | null {
  if (/^\/wizard\/preview\/?$/.test(pathname)) return "preview";
  if (/^\/wizard(\/|$)/.test(pathname)) return "wizard";
  return null;
}

export class UserRateLimiter {
  private readonly buckets: Record<LimitedKind, TokenBuckets>;

  constructor(limits: Record<LimitedKind, BucketLimits>) {
    this.buckets = { preview: new TokenBuckets(limits.preview), wizard: new TokenBuckets(limits.wizard) };
  }

  take(kind: LimitedKind, user: string, nowMs = Date.now()): Take {
    return this.buckets[kind].take(user.toLowerCase(), nowMs);
  }
}

const MESSAGES: Record<LimitedKind, string> = {
  preview: "You have previewed changes many times in a short while, and each preview reads AWS.",
  wizard: "You have loaded many wizard steps in a short while, and each reads AWS.",
};

/** 429 with Retry-After and a sentence a person can act on (HTML for a page, JSON otherwise). */
export function tooManyRequestsResponse(
  kind: LimitedKind,
  retryAfterS: number,
  accept: string | null,
): Response {
  const message = `${MESSAGES[kind]} Try again in ${retryAfterS} second${retryAfterS === 1 ? "" : "s"}.`;
  const headers = { "retry-after": String(retryAfterS), "cache-control": "no-store" };
  if (!accept?.includes("text/html")) return Response.json({ error: message }, { status: 429, headers });
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Slow down · QueueReady</title></head>
<body><main><h1>Too many requests</h1><p role="alert">${message}</p><p><a href="">Try again</a></p></main></body></html>
`;
  return new Response(page, {
    status: 429,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}
