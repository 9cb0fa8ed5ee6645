"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { removeResourceAction } from "@/lib/web/changes/undo-action";

/**
 * Remove one resource QueueReady created: a two-step form (tick to confirm, then Remove) so a stray
 * click deletes nothing. The result is announced in place.
 */
export function RemoveResourceForm({
  accountId,
  candidateKey,
  label,
}: {
  accountId: string;
  candidateKey: string;
  label: string;
}) {
  const [state, action] = useActionState(removeResourceAction, null);
  if (state?.ok)
    return (
      <p role="status" className="text-[13px] text-emerald-700">
        {state.data.message}
      </p>
    );
  const id = `confirm-${candidateKey.replace(/[^A-Za-z0-9]/g, "-")}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="account" value={accountId} />
      <input type="hidden" name="key" value={candidateKey} />
      <label htmlFor={id} className="flex items-center gap-2 text-[13px] text-slate-700">
        <input
          id={id}
          type="checkbox"
          name="confirm"
          value="yes"
          required
          className="size-4 accent-red-600"
        />
        Yes, remove {label}
      </label>
      <SubmitButton variant="danger" size="sm" pendingLabel="Removing…">
        Remove
      </SubmitButton>
      <span aria-live="polite" className="text-[13px] text-red-700">
        {state && !state.ok ? state.message : ""}
      </span>
    </form>
  );
}
