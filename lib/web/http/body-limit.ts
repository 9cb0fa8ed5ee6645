/**
 * The largest request body QueueReady accepts: every form and sign-in fits in a few KB, and Next refuses
 * server action bodies over 1 MB by throwing, which reached the visitor as a 500. Checked from
 * Content-Length in the proxy, before anything reads the body, so the answer is a plain 413.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** True when a declared body length is over the limit (or not a length at all). */
export function bodyTooLarge(contentLength: string | null, limit = MAX_BODY_BYTES): boolean {
  if (contentLength === null) return false;
  if (!/^\d{1,16}$/.test(contentLength.trim())) return true;
  return Number(contentLength) > limit;
}

export function payloadTooLargeResponse(): Response {
  return new Response(
    `Request body too large: QueueReady accepts at most ${MAX_BODY_BYTES / 1024 / 1024} MB.\n`,
    {
      status: 413,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    },
  );
}
