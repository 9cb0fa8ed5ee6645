"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { applyPlanAction } from "@/lib/web/wizard/apply-action";
import { OverrideReason } from "./override-reason";

export interface ApplyFormProps {
  previewId: string;
  fingerprint: string;
  summaryLine: string;
  /** This very preview's URL: "Preview again" recomputes from live state. */
  previewHref: string;
  /** Cancel and Back, shown left of Apply (the primary action sits rightmost, as in the AWS console). */
  secondary?: ReactNode;
  /** Another apply action with the same contract (the revert's), and the extra fields it names. */
  action?: typeof applyPlanAction;
  fields?: Record<string, string>;
  label?: string;
  /** An admin's break glass: a mandatory reason to apply without the approval the account needs. */
  overrideReason?: boolean;
  /** Resources the plan changes that a CloudFormation stack or Terraform owns: applying needs a reason. */
  owners?: string[];
}

/**
 * The Apply button, rendered for operators only (the action refuses anyone else anyway). It posts the
 * preview's id and fingerprint; a refusal shows what changed since the preview and how to go on. When the
 * plan changes what another tool owns it becomes "Apply anyway" and asks for the reason.
 */
export function ApplyForm({
  previewId,
  fingerprint,
  summaryLine,
  previewHref,
  secondary,
  action: apply = applyPlanAction,
  fields = {},
  label = "Apply",
  overrideReason = false,
  owners = [],
}: ApplyFormProps) {
  const [state, action] = useActionState(apply, null);
  const refused = state && !state.ok ? state : null;
  // Owned resources: the owner's code is the way (exported above); applying here is the exception.
  const owned = owners.length > 0;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="previewId" value={previewId} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div aria-live="polite">
        {refused ? (
          <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900">
            <p className="text-sm font-semibold">{refused.message}</p>
            {refused.fieldErrors?.changes ? (
              <>
                <p className="mt-1 text-[13px]">What changed since the preview:</p>
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-[13px]">
                  {refused.fieldErrors.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <Link href={previewHref} className={buttonClasses("secondary", "sm", "mt-3")} prefetch={false}>
              Preview again
            </Link>
          </div>
        ) : null}
      </div>
      {/* After a refusal the preview on the page is stale: only "Preview again" leads on. */}
      <div className={refused?.code === "conflict" ? "hidden" : "space-y-3"}>
        <p className="text-[13px] text-slate-700">
          {summaryLine}. Apply re-reads the account first and refuses if anything moved.
        </p>
        {overrideReason ? (
          <label className="block text-[13px] font-medium text-slate-800">
            Reason to apply without approval (recorded, and sent to the webhook)
            <input
              name="overrideReason"
              required
              minLength={3}
              maxLength={500}
              aria-describedby={refused?.fieldErrors?.overrideReason ? "override-error" : undefined}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm font-normal"
            />
            {refused?.fieldErrors?.overrideReason ? (
              <span id="override-error" className="mt-1 block text-red-700">
                {refused.fieldErrors.overrideReason[0]}
              </span>
            ) : null}
          </label>
        ) : null}
        {owned ? <OverrideReason error={refused?.fieldErrors?.overrideOwner?.[0]} /> : null}
        <div className="flex flex-wrap items-center justify-end gap-3">
          {secondary}
          <SubmitButton pendingLabel="Checking the live state…">
            {owned ? `${label} anyway` : label}
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
