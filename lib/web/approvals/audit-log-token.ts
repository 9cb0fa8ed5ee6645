/**
 * The audit log's bearer token (`QUEUEREADY_AUDIT_LOG_TOKEN`): a SIEM has no session, so the route takes
 * this token instead. A weak one stops `npm start` (launch-env.ts), like every other secret; compared in
 * constant time over digests.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { describeWeakness, secretWeakness } from "@/lib/core/secrets/strength";

export const AUDIT_LOG_TOKEN_VARIABLE = "QUEUEREADY_AUDIT_LOG_TOKEN";

/** Why the configured token is too weak to guard the trail, or undefined (also when none is set). */
export function auditLogTokenProblem(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = env[AUDIT_LOG_TOKEN_VARIABLE];
  if (value === undefined || value.trim() === "") return undefined;
  const weakness = secretWeakness(value, { variety: true });
  return weakness
    ? describeWeakness(AUDIT_LOG_TOKEN_VARIABLE, weakness, "make one with: openssl rand -hex 32")
    : undefined;
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export type AuditLogAccess = "allowed" | "missing-token" | "wrong-token" | "disabled";

export function auditLogAccess(
  authorization: string | null,
  env: Readonly<Record<string, string | undefined>>,
): AuditLogAccess {
  const expected = env[AUDIT_LOG_TOKEN_VARIABLE]?.trim();
  // A weak token is as good as none: the route stays off rather than guarded by it.
  if (!expected || auditLogTokenProblem(env)) return "disabled";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return "missing-token";
  return timingSafeEqual(digest(match[1]!), digest(expected)) ? "allowed" : "wrong-token";
}
