"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { applyApprovedAction } from "@/lib/web/approvals/approval-actions";
import { OverrideReason } from "@/components/wizard/override-reason";
import { ActionMessage } from "./action-message";

/**
 * Apply an approved plan: the apply re-reads the target and refuses if it moved since the plan. When it
 * finds that the plan changes what another tool owns, it asks for the reason to apply anyway.
 */
export function ApplyApprovedForm({ id }: { id: string }) {
  const [state, action] = useActionState(applyApprovedAction, null);
  const ownerError = state && !state.ok ? state.fieldErrors?.overrideOwner?.[0] : undefined;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <ActionMessage state={state} />
      {ownerError ? <OverrideReason error={ownerError} /> : null}
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Checking the live state…">
          {ownerError ? "Apply approved plan anyway" : "Apply approved plan"}
        </SubmitButton>
      </div>
    </form>
  );
}
