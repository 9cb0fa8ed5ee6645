import type { AwsProblemCode } from "@/lib/core/model/resources";

/** Why an action refused or failed; AWS problem codes pass through so the page can say what to do. */
export type ActionErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "invalid-input"
  | "conflict"
  | "database-unavailable"
  | "rate-limited"
  | AwsProblemCode;

/**
 * What every server action returns. Expected failures are values, never thrown, so forms can show
 * them with `useActionState`; programming errors are thrown and reach `error.tsx`.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; message: string; fieldErrors?: Record<string, string[]> };

export function success<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function failure(
  code: ActionErrorCode,
  message: string,
  fieldErrors?: Record<string, string[]>,
): { ok: false; code: ActionErrorCode; message: string; fieldErrors?: Record<string, string[]> } {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/**
 * A form's fields as a plain object: a name sent once is a string, sent several times (checkboxes,
 * multi-selects) a list. Files are dropped: no action here takes uploads. Collected in a Map, so a field
 * named `constructor` or `toString` is just a field, not a property every object already has.
 */
export function formDataToObject(form: FormData): Record<string, string | string[]> {
  const fields = new Map<string, string | string[]>();
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const existing = fields.get(key);
    if (existing === undefined) fields.set(key, value);
    else fields.set(key, Array.isArray(existing) ? [...existing, value] : [existing, value]);
  }
  return Object.fromEntries(fields);
}

/** Messages grouped by field, safe for any field name (see formDataToObject). */
export function groupMessages(entries: Iterable<[field: string, message: string]>): Record<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [field, message] of entries) grouped.set(field, [...(grouped.get(field) ?? []), message]);
  return Object.fromEntries(grouped);
}
