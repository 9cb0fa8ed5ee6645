/**
 * One notification to one channel: the webhook's JSON (signed when a secret is set) or Slack's message,
 * posted through the notify adapter.
 */
import type { NotificationsConfig, Channel } from "@/lib/core/alerts/config";
import { postJson, type SendOptions, type SendOutcome } from "@/lib/adapters/notify/post";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signDelivery } from "@/lib/adapters/notify/signing";
import type { TargetEventRow } from "@/lib/adapters/db/target-events";
import { slackBody, webhookBody, type OwnerContext } from "./payload";

export type { SendOptions, SendOutcome };

export async function sendNotification(
  channel: Channel,
  event: TargetEventRow,
  config: NotificationsConfig,
  opts: SendOptions & { mayRepeat?: boolean; context?: OwnerContext },
): Promise<SendOutcome> {
  if (channel === "webhook") {
    if (!config.webhook) return { ok: false, error: "the webhook is no longer configured" };
    const body = JSON.stringify(webhookBody(event, config.baseUrl, opts.context));
    const headers: Record<string, string> = { [DELIVERY_HEADER]: event.id };
    if (config.webhook.secret)
      headers[SIGNATURE_HEADER] = signDelivery(config.webhook.secret, { id: event.id, body });
    return postJson(config.webhook.url, body, headers, opts);
  }
  if (!config.slack) return { ok: false, error: "Slack is no longer configured" };
  return postJson(
    config.slack.url,
    JSON.stringify(slackBody(event, config.baseUrl, { mayRepeat: opts.mayRepeat, context: opts.context })),
    {},
    opts,
  );
}
