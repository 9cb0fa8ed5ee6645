"use client";

import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestApprovalAction } from "@/lib/web/approvals/approval-actions";
import { ActionMessage } from "./action-message";

/**
 * Where the account needs a second operator: instead of Apply, "Request approval" stores this very
 * preview as a plan for someone else to approve, with an optional change reference (a ticket id).
 */
export function RequestApprovalForm(p: { previewId: string; fingerprint: string; secondary?: ReactNode }) {
  const [state, action] = useActionState(requestApprovalAction, null);
  const error = state && !state.ok ? state.fieldErrors?.changeRef?.[0] : undefined;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="previewId" value={p.previewId} />
      <input type="hidden" name="fingerprint" value={p.fingerprint} />
      <ActionMessage state={state} />
      <p className="text-[13px] text-slate-700">
        Changes in this account need a second operator&apos;s approval. Request it; once approved, the plan
        applies from its approval page or with <code>npm run apply</code>.
      </p>
      <div className="flex flex-wrap items-end justify-end gap-3">
        <label className="text-[13px] text-slate-700">
          Change reference (optional)
          <input
            name="changeRef"
            maxLength={100}
            placeholder="e.g. CHG-1234"
            aria-describedby={error ? "change-ref-error" : undefined}
            className="ml-2 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        {p.secondary}
        <SubmitButton pendingLabel="Submitting…">Request approval</SubmitButton>
      </div>
      {error ? (
        <p id="change-ref-error" className="text-right text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
