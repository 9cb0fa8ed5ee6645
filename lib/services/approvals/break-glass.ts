/**
 * Break glass: an admin applying without approval. The run's trail line says `overridden` with the reason
 * (execute-run.ts); this sends the webhook event `approval-overridden` at once, signed like every delivery,
 * so the people watching changes hear of it while it happens. One attempt: the trail is the durable record.
 */
import { randomUUID } from "node:crypto";
import { notificationsConfigFromEnv } from "@/lib/core/alerts/config";
import { postJson } from "@/lib/adapters/notify/post";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signDelivery } from "@/lib/adapters/notify/signing";

export const OVERRIDE_EVENT = "approval-overridden";

export interface Override {
  actor: string;
  reason: string;
  targets: string[];
  runId: string;
}

export async function announceOverride(
  override: Override,
  env: Readonly<Record<string, string | undefined>> = process.env,
  opts: { fetch?: typeof fetch; now?: Date } = {},
): Promise<{ sent: boolean; error?: string }> {
  const config = notificationsConfigFromEnv(env);
  if (!config.webhook) return { sent: false };
  const id = randomUUID();
  const body = JSON.stringify({
    event: OVERRIDE_EVENT,
    actor: override.actor,
    reason: override.reason,
    targets: override.targets,
    runId: override.runId,
    at: (opts.now ?? new Date()).toISOString(),
    url: config.baseUrl ? `${config.baseUrl}/changes/${override.runId}` : null,
  });
  const headers: Record<string, string> = { [DELIVERY_HEADER]: id };
  if (config.webhook.secret) headers[SIGNATURE_HEADER] = signDelivery(config.webhook.secret, { id, body });
  const outcome = await postJson(config.webhook.url, body, headers, { timeoutMs: 5_000, fetch: opts.fetch });
  return outcome.ok ? { sent: true } : { sent: false, error: outcome.error };
}
