/**
 * Typed reads of a CloudWatch request, whichever protocol carried it: the JSON and CBOR bodies and the
 * awsQuery form all decode to one plain object (lists as arrays, timestamps as Dates). A value of the wrong
 * type, a missing required member or a broken constraint is a `ValidationError`, in the words AWS uses for
 * its model checks ("1 validation error detected: Value ... at 'path' failed to satisfy constraint: ...").
 */
import { SandboxError } from "@/tools/sandbox/errors";

export type CwInput = Record<string, unknown>;

export function validationError(message: string): SandboxError {
  return new SandboxError("ValidationError", message, 400);
}

/** `alarmName`, `metricDataQueries.1.member.id`: the member path as AWS's validation messages spell it. */
const pathOf = (key: string) => key.charAt(0).toLowerCase() + key.slice(1);

export function constraint(key: string, value: unknown, rule: string): SandboxError {
  const shown = value === undefined || value === null ? "null" : `'${String(value)}'`;
  return validationError(
    `1 validation error detected: Value ${shown} at '${pathOf(key)}' failed to satisfy constraint: ${rule}`,
  );
}

export function optString(input: CwInput, key: string, min = 0, max = Infinity): string | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw constraint(key, v, "Member must be a string");
  if (v.length < min) throw constraint(key, v, `Member must have length greater than or equal to ${min}`);
  if (v.length > max) throw constraint(key, v, `Member must have length less than or equal to ${max}`);
  return v;
}

export function reqString(input: CwInput, key: string, min = 1, max = Infinity): string {
  const v = optString(input, key, min, max);
  if (v === undefined) throw constraint(key, undefined, "Member must not be null");
  return v;
}

export function optEnum<T extends string>(input: CwInput, key: string, values: readonly T[]): T | undefined {
  const v = optString(input, key);
  if (v === undefined) return undefined;
  if (!values.includes(v as T))
    throw constraint(key, v, `Member must satisfy enum value set: [${values.join(", ")}]`);
  return v as T;
}

export function optNumber(input: CwInput, key: string, integer: boolean, min = -Infinity, max = Infinity) {
  const raw = input[key];
  if (raw === undefined || raw === null) return undefined;
  const v = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  if (typeof v !== "number" || Number.isNaN(v) || (integer && !Number.isInteger(v)))
    throw constraint(key, raw, integer ? "Member must be an integer" : "Member must be a number");
  if (v < min) throw constraint(key, v, `Member must have value greater than or equal to ${min}`);
  if (v > max) throw constraint(key, v, `Member must have value less than or equal to ${max}`);
  return v;
}

export function optBool(input: CwInput, key: string): boolean | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw constraint(key, v, "Member must be a boolean");
}

export function optList(input: CwInput, key: string, max = Infinity): unknown[] | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  // awsQuery spells an empty list as `Key=` (botocore does).
  if (v === "") return [];
  if (!Array.isArray(v)) throw constraint(key, v, "Member must be a list");
  if (v.length > max)
    throw constraint(key, `[${v.length} items]`, `Member must have length less than or equal to ${max}`);
  return v;
}

export function stringList(input: CwInput, key: string, max = Infinity, maxLength = Infinity): string[] {
  return (optList(input, key, max) ?? []).map((item) => {
    if (typeof item !== "string" || item.length < 1 || item.length > maxLength)
      throw constraint(
        key,
        item,
        `Member must satisfy constraint: [Member must have length between 1 and ${maxLength}]`,
      );
    return item;
  });
}

export function structs(input: CwInput, key: string, max = Infinity): CwInput[] {
  return (optList(input, key, max) ?? []).map((item) => {
    if (typeof item !== "object" || item === null || Array.isArray(item))
      throw constraint(key, item, "Member must be a structure");
    return item as CwInput;
  });
}

export function optStruct(input: CwInput, key: string): CwInput | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v) || v instanceof Date)
    throw constraint(key, v, "Member must be a structure");
  return v as CwInput;
}

/** A timestamp: a Date (CBOR tag 1), epoch seconds (JSON) or an ISO 8601 string (awsQuery). */
export function reqTime(input: CwInput, key: string): Date {
  const v = input[key];
  if (v === undefined || v === null) throw constraint(key, undefined, "Member must not be null");
  const d =
    v instanceof Date
      ? v
      : typeof v === "number"
        ? new Date(v * 1000)
        : typeof v === "string"
          ? parseTime(v)
          : undefined;
  if (!d || Number.isNaN(d.getTime())) throw constraint(key, v, "Member must be a timestamp");
  return d;
}

function parseTime(v: string): Date {
  return /^\d+(\.\d+)?$/.test(v) ? new Date(Number(v) * 1000) : new Date(v);
}
