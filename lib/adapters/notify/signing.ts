/**
 * Webhook signatures: `X-QueueReady-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`, where the HMAC covers
 * `<t>.<delivery id>.<raw body>`. Signing the time and the delivery id with the body means a captured
 * delivery cannot be re-sent later, or under another delivery id, and still verify: a receiver checks the
 * time is within its window (5 minutes by default) and deduplicates on the delivery id inside it.
 * Verification compares in constant time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-QueueReady-Signature";
export const DELIVERY_HEADER = "X-QueueReady-Delivery";
/** How old a signature a receiver accepts by default, in seconds (either way, for clock skew). */
export const SIGNATURE_TOLERANCE_S = 300;

function mac(secret: string, t: number, deliveryId: string, body: string): string {
  return createHmac("sha256", secret).update(`${t}.${deliveryId}.${body}`, "utf8").digest("hex");
}

export function signDelivery(
  secret: string,
  delivery: { id: string; body: string },
  now: Date = new Date(),
): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${mac(secret, t, delivery.id, delivery.body)}`;
}

export interface ReceivedDelivery {
  body: string;
  /** The X-QueueReady-Delivery header. */
  id: string | null | undefined;
  /** The X-QueueReady-Signature header. */
  signature: string | null | undefined;
}

/** True when the delivery is signed under `secret` within the tolerance (what a receiver checks). */
export function verifyDelivery(
  secret: string,
  received: ReceivedDelivery,
  opts: { now?: Date; toleranceS?: number } = {},
): boolean {
  const parts = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(received.signature ?? "");
  if (!parts || !received.id) return false;
  const t = Number(parts[1]);
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (opts.toleranceS ?? SIGNATURE_TOLERANCE_S)) return false;
  const expected = Buffer.from(mac(secret, t, received.id, received.body), "hex");
  const given = Buffer.from(parts[2]!, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
