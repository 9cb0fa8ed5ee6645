"use client";

import { useEffect, useRef, type MouseEvent } from "react";

export interface SummaryError {
  /** The field the message belongs to (its inline error is `<field>-error`); `_form` for the whole form. */
  field: string;
  message: string;
}

/** Focuses the first control that the field's inline error describes, rather than the error text itself. */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string): void {
  const control = document.querySelector<HTMLElement>(
    `[aria-describedby~="${CSS.escape(`${field}-error`)}"]:not([disabled])`,
  );
  if (!control) return;
  event.preventDefault();
  control.focus();
  control.scrollIntoView({ block: "center" });
}

/**
 * The errors of a refused step at the top of its form, each linking to its field. It takes focus when a
 * submission comes back with errors (`attempt` changes), so keyboard and screen-reader users land on
 * what went wrong instead of staying on the submit button. Each message is shown here once and beside
 * its field once.
 */
export function ErrorSummary({ errors, attempt }: { errors: SummaryError[]; attempt: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
    // Focus once per submission result, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
      className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900 outline-none focus:ring-2 focus:ring-red-600"
    >
      <h3 id="error-summary-title" className="text-sm font-semibold">
        {errors.length === 1 ? "There is a problem" : `There are ${errors.length} problems`}
      </h3>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-[13px]">
        {errors.map((e) => (
          <li key={`${e.field}:${e.message}`}>
            {e.field === "_form" ? (
              e.message
            ) : (
              <a href={`#${e.field}-error`} onClick={(ev) => focusField(ev, e.field)} className="underline">
                {e.message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
