import type { ActionResult } from "@/lib/web/actions/action-result";

/** An action's refusal, announced; nothing when there is none. */
export function ActionMessage({ state }: { state: ActionResult<unknown> | null }) {
  return (
    <div aria-live="polite">
      {state && !state.ok ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
