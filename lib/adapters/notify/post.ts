/**
 * One HTTP delivery: POST the body with a timeout. The outcome names the status or the network error,
 * never the URL (Slack's and many webhook URLs carry their token in the path).
 */

export type SendOutcome = { ok: true } | { ok: false; error: string };

export interface SendOptions {
  timeoutMs: number;
  fetch?: typeof fetch;
}

function reason(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError"))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
  return cause?.code ? `connection failed (${cause.code})` : "connection failed";
}

export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: SendOptions,
): Promise<SendOutcome> {
  const doFetch = opts.fetch ?? fetch;
  try {
    const res = await doFetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "QueueReady", ...headers },
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: "error",
    });
    await res.body?.cancel().catch(() => undefined);
    return res.ok ? { ok: true } : { ok: false, error: `HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, error: reason(err, opts.timeoutMs) };
  }
}
