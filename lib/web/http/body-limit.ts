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

/**
 * For a body sent without Content-Length (chunked): reads a copy of it up to the limit, true when it goes
 * past. Next buffers a request's body for the proxy, so reading the copy leaves the original for the page.
 */
export async function streamedBodyTooLarge(request: Request, limit = MAX_BODY_BYTES): Promise<boolean> {
  if (request.headers.get("content-length") !== null || !request.body) return false;
  const reader = request.clone().body!.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    total += value.byteLength;
    if (total > limit) {
      // Not awaited: a tee'd copy's cancel settles only once the original is cancelled too.
      void reader.cancel().catch(() => undefined);
      return true;
    }
  }
}

/**
 * A server action posted from another site: Next refuses it by throwing (a 500); here it is a 403. The
 * same comparison as Next's: the Origin's host against the forwarded host, else the Host header.
 */
export function crossOriginAction(headers: Headers): boolean {
  if (!headers.has("next-action")) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function forbiddenOriginResponse(): Response {
  return new Response("This form was posted from another site; QueueReady only accepts its own.\n", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
