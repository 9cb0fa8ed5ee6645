/**
 * Webhook signatures: `sha256=<hex HMAC-SHA256 of the raw body>`, as GitHub signs its webhooks, so
 * receivers can reuse their verifier. Verification compares in constant time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-QueueReady-Signature";
export const DELIVERY_HEADER = "X-QueueReady-Delivery";

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** True when `header` is the signature of `body` under `secret` (what a receiver checks). */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
