import { randomBytes } from "node:crypto";
import type { NextFetchEvent } from "next/server";
import { NextResponse } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { getToken } from "next-auth/jwt";
import { resolveAuthSecret } from "./lib/web/auth/auth-secret";
import { sessionAgeProblem } from "./lib/web/auth/session-token";
import { statusQueryProblem } from "./lib/web/status/status-query";
import {
  bodyTooLarge,
  crossOriginAction,
  forbiddenOriginResponse,
  payloadTooLargeResponse,
  streamedBodyTooLarge,
} from "./lib/web/http/body-limit";
import { outageResponse } from "./lib/web/http/unavailable";
import {
  DEFAULT_RATE_LIMITS,
  limitedKindOf,
  rateLimitsFromEnv,
  tooManyRequestsResponse,
  UserRateLimiter,
} from "./lib/web/http/user-rate-limit";

/**
 * Sends signed-out visitors to /sign-in before any page renders. Pages and actions check the role
 * themselves as well: this is the first gate, not the only one. The secret is passed explicitly so the
 * demo's per-process secret (see resolveAuthSecret) matches the one the auth routes sign with.
 */
// Without a usable secret, next-auth would fall back to the raw (possibly short) env value: a per-process
// random one instead accepts no token at all, and /sign-in says what to set.
const secret = resolveAuthSecret() ?? randomBytes(32).toString("base64url");

const requireSignIn = withAuth({
  pages: { signIn: "/sign-in" },
  secret,
  // A token that decrypts is not enough: one from a sign-in more than a session ago goes to sign in again.
  callbacks: { authorized: ({ token }) => token !== null && sessionAgeProblem(token) === null },
});

/**
 * The sign-in page and the API routes (next-auth's own, and the rest answer 401 themselves: a download or a
 * script wants a status code, not a redirect to a form) need no session: /api/health answers anyone and
 * /api/metrics checks its own bearer token.
 */
const NO_SESSION_NEEDED = /^\/(sign-in|api\/)/;

/** Answered even during a database outage: the readiness check reports it. */
const NO_SHEDDING = /^\/api\/health$/;

/** Where the status page's search (`q`) goes to the database: the page and its export. */
const STATUS_SEARCH = /^\/(status\/?$|api\/audit\/export$)/;

export default async function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  // Every route, the API included: an oversized body gets a 413 before anything reads it.
  if (bodyTooLarge(request.headers.get("content-length"))) return payloadTooLargeResponse();
  if (request.method === "POST" && crossOriginAction(request.headers)) return forbiddenOriginResponse();
  if (request.method === "POST" && (await streamedBodyTooLarge(request))) return payloadTooLargeResponse();
  // A page cannot answer 400 itself: a status search the database would refuse is answered here.
  if (STATUS_SEARCH.test(request.nextUrl.pathname)) {
    const problem = statusQueryProblem({ q: request.nextUrl.searchParams.getAll("q") });
    if (problem)
      return new NextResponse(problem, {
        status: 400,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      });
  }
  // While an outage this process saw is fresh, answer 503 + Retry-After at once rather than letting each
  // request wait out its own connection timeout; the health check still answers (and says not-ready).
  if (!NO_SHEDDING.test(request.nextUrl.pathname)) {
    const unavailable = outageResponse(request.headers.get("accept"));
    if (unavailable) return unavailable;
  }
  if (NO_SESSION_NEEDED.test(request.nextUrl.pathname)) return NextResponse.next();
  const limited = await overUserLimit(request);
  if (limited) return limited;
  return requireSignIn(request, event);
}

let userLimits: UserRateLimiter | undefined;

/**
 * A 429 when the signed-in user has spent their wizard or preview budget (user-rate-limit.ts), else
 * null. A signed-out request is left to the sign-in gate; a prefetch runs no page and costs nothing.
 */
async function overUserLimit(request: NextRequestWithAuth): Promise<Response | null> {
  const kind = limitedKindOf(request.nextUrl.pathname);
  if (!kind || request.headers.get("next-router-prefetch") === "1") return null;
  const token = await getToken({ req: request, secret }).catch(() => null);
  if (typeof token?.name !== "string") return null;
  // Malformed limits stop `npm start`; a server started otherwise runs with the defaults.
  userLimits ??= new UserRateLimiter(
    (() => {
      try {
        return rateLimitsFromEnv(process.env);
      } catch {
        return DEFAULT_RATE_LIMITS;
      }
    })(),
  );
  const taken = userLimits.take(kind, token.name);
  return taken.ok ? null : tooManyRequestsResponse(kind, taken.retryAfterS, request.headers.get("accept"));
}

export const config = {
  // Everything except Next's assets and the icon.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
