import type { AwsProblemCode } from "@/lib/aws/types";

/** Why an action refused or failed; AWS problem codes pass through so the page can say what to do. */
export type ActionErrorCode = "unauthenticated" | "forbidden" | "invalid-input" | "conflict" | AwsProblemCode;

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
 * multi-selects) a list. Files are dropped: no action here takes uploads.
 */
export function formDataToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
