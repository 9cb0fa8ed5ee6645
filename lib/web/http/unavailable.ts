/**
 * The one answer QueueReady gives when its database does not answer or has too many requests waiting:
 * 503 with Retry-After and a sentence that says the session is kept, so a person waits instead of signing
 * in again and a script retries instead of giving up. The proxy gives it at once while an outage is
 * fresh; route handlers and actions give it when a request meets one.
 */
import { isDatabaseUnavailable, recentDatabaseOutage, RETRY_AFTER_S } from "@/lib/adapters/db/availability";

export const UNAVAILABLE_MESSAGE =
  "QueueReady's database is not answering right now. You are still signed in: try again in a few seconds.";

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable · QueueReady</title></head>
<body><main><h1>QueueReady is temporarily unavailable</h1>
<p role="alert">${UNAVAILABLE_MESSAGE}</p>
<p><a href="">Try again</a></p></main></body></html>
`;

function retryAfterOf(err: unknown): number {
  const seconds = (err as { retryAfterS?: unknown } | undefined)?.retryAfterS;
  return typeof seconds === "number" && seconds > 0 ? Math.ceil(seconds) : RETRY_AFTER_S;
}

/** 503 for a page (HTML) or anything else (JSON `{ error }`). */
export function unavailableResponse(retryAfterS: number, accept: string | null): Response {
  const headers = { "retry-after": String(retryAfterS), "cache-control": "no-store" };
  if (accept?.includes("text/html"))
    return new Response(PAGE, {
      status: 503,
      headers: { ...headers, "content-type": "text/html; charset=utf-8" },
    });
  return Response.json({ error: UNAVAILABLE_MESSAGE }, { status: 503, headers });
}

/** For the proxy: a 503 while an outage this process saw is fresh, else null (go on). */
export function outageResponse(accept: string | null, nowMs = Date.now()): Response | null {
  const wait = recentDatabaseOutage(nowMs);
  return wait === null ? null : unavailableResponse(wait, accept);
}

/** Runs a route handler; an outage it meets becomes the 503, anything else is rethrown. */
export async function answerUnavailable(
  request: Request,
  handler: () => Promise<Response>,
): Promise<Response> {
  try {
    return await handler();
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return unavailableResponse(retryAfterOf(err), request.headers.get("accept"));
  }
}

export { isDatabaseUnavailable };
