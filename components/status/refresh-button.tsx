"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { refreshAuditAction } from "@/lib/web/status/refresh-action";

/**
 * Refresh: re-audits every account and region now (a server action, one at a time across replicas) and
 * then shows the new stored state. A refusal (one is already running) is said in the live region.
 */
export function RefreshButton() {
  const router = useRouter();
  const [state, action] = useActionState(refreshAuditAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="flex items-center gap-2">
      <SubmitButton variant="secondary" size="sm" pendingLabel="Auditing every account…">
        Refresh
      </SubmitButton>
      <p role="status" aria-live="polite" className="text-[13px] text-slate-600">
        {state ? (state.ok ? state.data.message : state.message) : ""}
      </p>
    </form>
  );
}
