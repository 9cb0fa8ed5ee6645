/**
 * Reading a MemoryDB (awsJson1_1) request body, with MemoryDB's own refusals: a member of the wrong JSON
 * type is a SerializationException, a missing required one or an out-of-range value an
 * InvalidParameterValueException (every MemoryDB error answers 400).
 */
import { SandboxError } from "@/tools/sandbox/errors";

export type Body = Record<string, unknown>;

export function invalidValue(message: string): SandboxError {
  return new SandboxError("InvalidParameterValueException", message, 400);
}

export function invalidCombination(message: string): SandboxError {
  return new SandboxError("InvalidParameterCombinationException", message, 400);
}

const wrongType = (key: string, type: string) =>
  new SandboxError("SerializationException", `${key} must be ${type}.`, 400);

export function optString(body: Body, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw wrongType(key, "a string");
  return v;
}

export function reqString(body: Body, key: string): string {
  const v = optString(body, key);
  if (v === undefined || v === "")
    throw invalidValue(`The parameter ${key} must be provided and must not be blank.`);
  return v;
}

export function optInt(body: Body, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) throw wrongType(key, "an integer");
  return v;
}

export function optBool(body: Body, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw wrongType(key, "a boolean");
  return v;
}

/** A timestamp member: the SDKs send epoch seconds (a number); an ISO string is accepted as well. */
export function optTime(body: Body, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return v * 1000;
  if (typeof v === "string" && !Number.isNaN(Date.parse(v))) return Date.parse(v);
  throw wrongType(key, "a timestamp");
}

export function optStringList(body: Body, key: string): string[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw wrongType(key, "a list of strings");
  return v as string[];
}

export function optObjectList(body: Body, key: string): Body[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "object" || x === null || Array.isArray(x)))
    throw wrongType(key, "a list of structures");
  return v as Body[];
}

export interface Page<T> {
  items: T[];
  next?: string;
}

/**
 * NextToken/MaxResults paging: without MaxResults everything up to 100 comes back. The token is opaque
 * and tied to the call that issued it, so a forged or foreign one is refused.
 */
export function page<T>(items: T[], body: Body, scope: string): Page<T> {
  const size = optInt(body, "MaxResults") ?? 100;
  if (size < 1 || size > 100)
    throw invalidValue(`The parameter MaxResults must be between 1 and 100 (it was ${size}).`);
  const token = optString(body, "NextToken");
  let offset = 0;
  if (token !== undefined) {
    const m = /^(\d+):(.*)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
    if (!m || m[2] !== scope || Number(m[1]) >= items.length)
      throw invalidValue(`The parameter NextToken is not valid: ${token}`);
    offset = Number(m[1]);
  }
  const end = offset + size;
  return {
    items: items.slice(offset, end),
    next: end < items.length ? Buffer.from(`${end}:${scope}`).toString("base64url") : undefined,
  };
}
