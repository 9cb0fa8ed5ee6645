/**
 * The awsJson1_1 protocol (Organizations): `POST /` with `X-Amz-Target: <prefix>.<Action>` and a JSON
 * body; answers are JSON, errors `{"__type": code, "Message": ...}` with a 4xx/5xx status.
 */
import { SandboxError } from "@/tools/sandbox/errors";

export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

/** `AWSOrganizationsV20161128.ListAccounts` -> prefix and action. */
export function parseAmzTarget(target: string): { prefix: string; action: string } {
  const dot = target.lastIndexOf(".");
  if (dot <= 0 || dot === target.length - 1)
    throw new SandboxError("UnknownOperationException", `Malformed X-Amz-Target header: ${target}`, 400);
  return { prefix: target.slice(0, dot), action: target.slice(dot + 1) };
}

/** The request body as a JSON object; an empty body is `{}`, anything else not an object is a 400. */
export function parseJsonBody(raw: string): Record<string, unknown> {
  if (raw.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SandboxError("SerializationException", "The request body is not valid JSON.", 400);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new SandboxError("SerializationException", "The request body must be a JSON object.", 400);
  return parsed as Record<string, unknown>;
}

export function jsonError(code: string, message: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ __type: code, Message: message, ...extra });
}
