import { Notice } from "@/components/ui/notice";
import type { Plan } from "@/lib/core/plan";

/** The one-line summary (`2 to create, 1 to change`), then what blocks an apply and what to know first. */
export function PlanSummary({ plan }: { plan: Plan }) {
  return (
    <div className="space-y-3">
      <p className="text-[15px] font-semibold text-slate-900" data-testid="plan-summary">
        {plan.summaryLine}
      </p>
      <p className="text-xs text-slate-500">
        Computed from live state read at {plan.computedFrom.slice(11, 19)} UTC · fingerprint{" "}
        <code className="font-mono">{plan.fingerprint.slice(0, 12)}</code>
      </p>
      {plan.blockers.map((b) => (
        <Notice key={b} tone="error" title="Apply is blocked">
          {b}
        </Notice>
      ))}
      {plan.warnings.map((w) => (
        <Notice key={w} tone="warning" title="Before you apply">
          {w}
        </Notice>
      ))}
    </div>
  );
}
