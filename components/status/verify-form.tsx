"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { verifyTargetAction } from "@/lib/web/verify/verify-action";

// The check's details (the engine's answers, or why it could not connect) are in "Last checked", above
// the form: the live region says the outcome once and does not repeat them.
const OUTCOME: Record<string, string> = {
  verified: "Verified: noeviction on the engine and a BullMQ job ran.",
  "not-ready": "Checked: the engine is not ready for BullMQ yet. What it said is above.",
  unreachable: "Not reachable from where QueueReady runs. Why, and what to do, is above.",
  "needs-token": "This cluster needs its AUTH token.",
  "auth-failed": "The AUTH token was refused. Check it and try again.",
  error: "The check could not run. Why is above.",
};

/**
 * Runs the engine check now. The AUTH token field appears only for clusters that need one; the token goes
 * to this one check and is not kept (the field is cleared by the form reset after each submission).
 */
export function VerifyForm({
  account,
  region,
  kind,
  id,
  auth,
}: {
  account: string;
  region: string;
  kind: string;
  id: string;
  auth: "none" | "token" | "rbac";
}) {
  const [state, action, pending] = useActionState(verifyTargetAction, null);
  const said = state ? (state.ok ? OUTCOME[state.data.outcome] : state.message) : "";
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 px-5 py-4">
      <input type="hidden" name="account" value={account} />
      <input type="hidden" name="region" value={region} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      {auth === "rbac" ? (
        <label className="flex flex-col gap-1 text-[13px] text-slate-700">
          User name
          <input
            name="username"
            autoComplete="off"
            className="h-8 w-48 rounded-md border border-slate-300 px-2 font-mono text-[13px]"
          />
        </label>
      ) : null}
      {auth !== "none" ? (
        <label className="flex flex-col gap-1 text-[13px] text-slate-700">
          {auth === "rbac" ? "Password" : "AUTH token"} (used for this check only, not stored)
          <input
            type="password"
            name="token"
            autoComplete="off"
            className="h-8 w-72 rounded-md border border-slate-300 px-2 font-mono text-[13px]"
          />
        </label>
      ) : null}
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? "Verifying…" : "Verify on the engine"}
      </Button>
      <p role="status" aria-live="polite" className="text-[13px] text-slate-700">
        {pending ? "Connecting, reading INFO, running one BullMQ job…" : said}
      </p>
    </form>
  );
}
