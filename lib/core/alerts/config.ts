/**
 * Where notifications go, from the environment, validated with zod. A malformed value stops `npm start`
 * with the reason (launch-env.ts); the reasons never repeat a value, because the Slack URL and the
 * webhook secret are credentials.
 */
import { z } from "zod";
import { MIN_SECRET_BYTES, secretWeakness } from "@/lib/core/secrets/strength";

export type Channel = "webhook" | "slack";

export interface NotificationsConfig {
  webhook?: { url: string; secret?: string };
  slack?: { url: string };
  /** The origin people open QueueReady at (NEXTAUTH_URL), for links in messages. */
  baseUrl?: string;
}

const HOW_TO_MAKE = "make one with: openssl rand -hex 32";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const httpUrl = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${name} must be a text value.` })
      .trim()
      .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
        error: `${name} must be an http(s) URL.`,
      })
      .optional(),
  );

const envSchema = z.object({
  QUEUEREADY_WEBHOOK_URL: httpUrl("QUEUEREADY_WEBHOOK_URL"),
  QUEUEREADY_WEBHOOK_SECRET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => secretWeakness(v) === null, {
        error: `QUEUEREADY_WEBHOOK_SECRET is too weak: it needs at least ${MIN_SECRET_BYTES} bytes (${HOW_TO_MAKE}).`,
      })
      .optional(),
  ),
  QUEUEREADY_SLACK_WEBHOOK_URL: httpUrl("QUEUEREADY_SLACK_WEBHOOK_URL"),
  NEXTAUTH_URL: httpUrl("NEXTAUTH_URL"),
});

/** The channels the environment configures; throws an Error naming every problem. */
export function notificationsConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): NotificationsConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(" "));
  const e = parsed.data;
  if (e.QUEUEREADY_WEBHOOK_SECRET && !e.QUEUEREADY_WEBHOOK_URL)
    throw new Error("QUEUEREADY_WEBHOOK_SECRET is set without QUEUEREADY_WEBHOOK_URL: set both or neither.");
  return {
    webhook: e.QUEUEREADY_WEBHOOK_URL
      ? { url: e.QUEUEREADY_WEBHOOK_URL, secret: e.QUEUEREADY_WEBHOOK_SECRET }
      : undefined,
    slack: e.QUEUEREADY_SLACK_WEBHOOK_URL ? { url: e.QUEUEREADY_SLACK_WEBHOOK_URL } : undefined,
    baseUrl: e.NEXTAUTH_URL?.replace(/\/+$/, ""),
  };
}

export function channelsOf(config: NotificationsConfig): Channel[] {
  return [...(config.webhook ? (["webhook"] as const) : []), ...(config.slack ? (["slack"] as const) : [])];
}
