/**
 * One HTTP delivery: POST the body with a timeout. The outcome names the status or the network error,
 * never the URL (Slack's and many webhook URLs carry their token in the path).
 */
import type { NotificationsConfig, Channel } from "@/lib/core/alerts/config";
import { slackBody, webhookBody } from "@/lib/services/alerts/payload";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signBody } from "./signing";
import type { TargetEventRow } from "@/lib/adapters/db/target-events";

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

async function post(
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

export async function sendNotification(
  channel: Channel,
  event: TargetEventRow,
  config: NotificationsConfig,
  opts: SendOptions,
): Promise<SendOutcome> {
  if (channel === "webhook") {
    if (!config.webhook) return { ok: false, error: "the webhook is no longer configured" };
    const body = JSON.stringify(webhookBody(event, config.baseUrl));
    const headers: Record<string, string> = { [DELIVERY_HEADER]: event.id };
    if (config.webhook.secret) headers[SIGNATURE_HEADER] = signBody(config.webhook.secret, body);
    return post(config.webhook.url, body, headers, opts);
  }
  if (!config.slack) return { ok: false, error: "Slack is no longer configured" };
  return post(config.slack.url, JSON.stringify(slackBody(event, config.baseUrl)), {}, opts);
}
