"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { decideApprovalAction } from "@/lib/web/approvals/approval-actions";
import { ActionMessage } from "./action-message";

/** Approve or Reject, with a comment (required to reject: the author needs to know why). */
export function DecisionForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(decideApprovalAction, null);
  const error = state && !state.ok ? state.fieldErrors?.comment?.[0] : undefined;
  if (state?.ok) return <p className="text-sm text-slate-700">Recorded: {String(state.data.status)}.</p>;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <ActionMessage state={state} />
      <label className="block text-[13px] font-medium text-slate-800">
        Comment (required to reject)
        <textarea
          name="comment"
          rows={3}
          maxLength={2000}
          aria-describedby={error ? "comment-error" : undefined}
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm font-normal"
        />
      </label>
      {error ? (
        <p id="comment-error" className="text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-3">
        <Button type="submit" name="decision" value="rejected" variant="danger" disabled={pending}>
          Reject
        </Button>
        <Button type="submit" name="decision" value="approved" disabled={pending}>
          Approve
        </Button>
      </div>
    </form>
  );
}
