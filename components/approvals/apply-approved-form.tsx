"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { applyApprovedAction } from "@/lib/web/approvals/approval-actions";
import { ActionMessage } from "./action-message";

/** Apply an approved plan: the apply re-reads the target and refuses if it moved since the plan. */
export function ApplyApprovedForm({ id }: { id: string }) {
  const [state, action] = useActionState(applyApprovedAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <ActionMessage state={state} />
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Checking the live state…">Apply approved plan</SubmitButton>
      </div>
    </form>
  );
}
