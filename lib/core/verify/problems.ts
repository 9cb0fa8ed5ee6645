/**
 * Connection errors in words a person can act on. Unreachable is information, not a failure of the
 * cluster: ElastiCache endpoints answer only inside their VPC.
 */

export type ConnectProblem = { kind: "unreachable" | "auth" | "error"; message: string };

const UNREACHABLE =
  /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ECONNRESET|timed out|Connection is closed|None of startup nodes is available|Failed to refresh slots cache|Stream isn't writeable/i;

export const NOT_REACHABLE =
  "Not reachable from where QueueReady runs: run it in the VPC or give a route (QUEUEREADY_ENGINE_ROUTES).";

export function connectProblem(e: unknown): ConnectProblem {
  const text = e instanceof Error ? `${(e as { code?: string }).code ?? ""} ${e.message}` : String(e);
  if (/WRONGPASS|invalid password|invalid username-password/i.test(text))
    return {
      kind: "auth",
      message: "The engine refused the AUTH token (WRONGPASS): check the token and try again.",
    };
  if (/NOAUTH|Authentication required/i.test(text))
    return { kind: "auth", message: "The engine requires an AUTH token (NOAUTH): give the cluster's token." };
  if (/certificate|self[- ]signed|altnames|SSL|TLS/i.test(text))
    return { kind: "error", message: `The TLS handshake failed: ${text.trim()}` };
  if (UNREACHABLE.test(text)) return { kind: "unreachable", message: NOT_REACHABLE };
  return { kind: "error", message: text.trim() };
}
