/**
 * The metrics endpoint's bearer token (`QUEUEREADY_METRICS_TOKEN`). Compared in constant time over
 * digests, so neither the token's length nor its prefix leaks through response timing.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "allowed" | "missing-token" | "wrong-token" | "disabled";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export function metricsAccess(authorization: string | null, configured: string | undefined): MetricsAccess {
  const expected = configured?.trim();
  if (!expected) return "disabled";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return "missing-token";
  return timingSafeEqual(digest(match[1]!), digest(expected)) ? "allowed" : "wrong-token";
}
