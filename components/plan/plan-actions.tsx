import { hasRole, type Role } from "@/lib/web/auth/roles";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { ApplyForm, type ApplyFormProps } from "@/components/wizard/apply-form";
import { RequestApprovalForm } from "@/components/approvals/request-approval-form";
import { FixAsCode } from "./fix-as-code";
import type { Plan } from "@/lib/core/plan";

export interface PlanActionsProps {
  plan: Plan;
  previewId: string;
  /** This very preview's URL: "Preview again" recomputes it from live state. */
  previewHref: string;
  role: Role;
  /** Cancel (and Back), left of the primary action. */
  secondary: ReactNode;
  /** What to say when the plan has nothing to do, and where to go then (default: `secondary`). */
  converged: { message: ReactNode; actions?: ReactNode };
  /** What a viewer is told: who may apply. */
  viewerMessage: ReactNode;
  /** The revert's apply action and its button label; the wizard's Apply when absent. */
  apply?: Pick<ApplyFormProps, "action" | "fields" | "label">;
  /** The account needs a second operator's approval: Request approval instead of Apply (admins may also break glass). */
  approvalRequired?: boolean;
  /** What the plan changes that another tool owns: the fix as code is offered first, applying needs a reason. */
  owners?: string[];
}

/**
 * The foot of a binding preview (the wizard's and the revert's): nothing to do, blocked (preview again once
 * the blockers are gone), the operator's apply bound to this preview's fingerprint, or a viewer's note.
 */
export function PlanActions(p: PlanActionsProps) {
  const label = p.apply?.label ?? "Apply";
  const body = p.plan.converged ? (
    <FooterRow actions={p.converged.actions ?? p.secondary}>{p.converged.message}</FooterRow>
  ) : p.plan.blockers.length > 0 ? (
    <FooterRow
      actions={
        <>
          {p.secondary}
          <Link href={p.previewHref} className={buttonClasses("primary")} prefetch={false}>
            Preview again
          </Link>
        </>
      }
    >
      {label} is not offered while the blockers above stand.
    </FooterRow>
  ) : hasRole(p.role, "operator") && p.approvalRequired ? (
    <div className="space-y-6">
      <RequestApprovalForm previewId={p.previewId} fingerprint={p.plan.fingerprint} secondary={p.secondary} />
      {p.role === "admin" ? (
        <ApplyForm
          key={`${p.previewId}-override`}
          previewId={p.previewId}
          fingerprint={p.plan.fingerprint}
          summaryLine={p.plan.summaryLine}
          previewHref={p.previewHref}
          overrideReason
          owners={p.owners}
          {...p.apply}
          label="Apply without approval"
        />
      ) : null}
    </div>
  ) : hasRole(p.role, "operator") ? (
    <ApplyForm
      key={p.previewId}
      previewId={p.previewId}
      fingerprint={p.plan.fingerprint}
      summaryLine={p.plan.summaryLine}
      previewHref={p.previewHref}
      secondary={p.secondary}
      owners={p.owners}
      {...p.apply}
    />
  ) : (
    <FooterRow actions={p.secondary}>{p.viewerMessage}</FooterRow>
  );
  const owned = (p.owners?.length ?? 0) > 0 && !p.plan.converged;
  return (
    <div className="space-y-4 border-t border-slate-200 pt-4">
      {owned ? <FixAsCode previewId={p.previewId} /> : null}
      {body}
    </div>
  );
}

/** A sentence on the left, the actions on the right (wrapping under it on a phone). */
function FooterRow({ children, actions }: { children: ReactNode; actions: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-[13px] text-slate-700">{children}</p>
      <div className="ml-auto flex flex-wrap items-center justify-end gap-3">{actions}</div>
    </div>
  );
}
