import type { Metadata } from "next";
import Link from "next/link";
import { PlanExports } from "@/components/plan/plan-exports";
import { PlanStepCard } from "@/components/plan/plan-step-card";
import { PlanSummary } from "@/components/plan/plan-summary";
import { SecurityChanges } from "@/components/plan/security-changes";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApplyForm } from "@/components/wizard/apply-form";
import { PlanInputErrors } from "@/components/wizard/plan-input-errors";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { previewPlan } from "@/lib/apply";
import { AwsError } from "@/lib/aws";
import { choicesOf } from "@/lib/wizard/choices";
import { loadStep, type SearchParams } from "@/lib/wizard/load-step";
import { stepHref } from "@/lib/wizard/steps";

export const metadata: Metadata = { title: "Preview changes" };

/**
 * The binding preview, computed from live state on every render and recorded under an id: the ordered
 * steps with their exact AWS calls, the security-sensitive ones set apart, the EC2 DryRun answers, the
 * CLI and JSON exports, and (operators only) the Apply button bound to this preview's fingerprint.
 */
export default async function PreviewStep({ searchParams }: { searchParams: SearchParams }) {
  const { user, params, setup } = await loadStep("preview", searchParams);
  const choices = choicesOf(params);
  const frame = (children: React.ReactNode) => (
    <WizardFrame step="preview" params={params} title="Preview changes">
      {children}
    </WizardFrame>
  );
  if (!setup.ok)
    return frame(<AwsProblemNotice what="the AWS settings cannot be used" problem={setup.problem} />);
  if (!choices.ok) return frame(null);
  let result: Awaited<ReturnType<typeof previewPlan>>;
  try {
    result = await previewPlan({
      settings: setup.settings,
      choices: choices.value,
      user: { name: user.name, role: user.role },
    });
  } catch (err) {
    if (err instanceof AwsError)
      return frame(<AwsProblemNotice what="the preview could not be computed" problem={err.problem} />);
    throw err;
  }
  if (!result.ok) return frame(<PlanInputErrors fieldErrors={result.fieldErrors} params={params} />);

  const { plan, permissions, previewId } = result;
  const href = stepHref("preview", params);
  const denied = permissions.filter((p) => p.result === "denied");
  return (
    <WizardFrame
      step="preview"
      params={params}
      title="Preview changes"
      description={`${plan.target.kind === "replication-group" ? "Replication group" : "Standalone cluster"} ${plan.target.id} · ${plan.target.engine} ${plan.target.engineVersion}${plan.target.clusterEnabled ? " · cluster mode" : ""} · port ${plan.target.port ?? "unknown"}`}
    >
      <div className="space-y-6">
        <PlanSummary plan={plan} />
        {denied.length > 0 ? (
          <Notice tone="error" title="EC2 DryRun: the credentials lack permissions this plan needs">
            {denied.map((d) => (
              <p key={d.stepId}>
                {d.operation}: {d.message}
              </p>
            ))}
          </Notice>
        ) : null}
        <ol aria-label="Steps" className="space-y-3">
          {plan.steps.map((step, i) => (
            <PlanStepCard
              key={step.id}
              step={step}
              index={i}
              permission={permissions.find((p) => p.stepId === step.id)}
            />
          ))}
        </ol>
        <SecurityChanges plan={plan} />
        <PlanExports plan={plan} previewId={previewId} />
        <div className="border-t border-slate-200 pt-4">
          {plan.converged ? (
            <div className="flex items-center gap-3">
              <p className="text-[13px] text-slate-700">
                Nothing to apply: {plan.target.id} already matches these choices.
              </p>
              <Link href="/status" className={buttonClasses("secondary", "sm")}>
                Back to status
              </Link>
            </div>
          ) : plan.blockers.length > 0 ? (
            <p className="text-[13px] text-slate-700">
              Apply is not offered while the blockers above stand.{" "}
              <Link href={href} className="underline">
                Preview again
              </Link>
            </p>
          ) : user.role === "operator" ? (
            <ApplyForm
              key={previewId}
              previewId={previewId}
              fingerprint={plan.fingerprint}
              summaryLine={plan.summaryLine}
              previewHref={href}
            />
          ) : (
            <p className="text-[13px] text-slate-700">
              You are signed in as a viewer: you can review and export this plan, but only an operator can
              apply it.
            </p>
          )}
          <p className="mt-3">
            <Link
              href={stepHref("modification", params)}
              className="text-[13px] text-slate-600 hover:text-slate-900"
            >
              Back
            </Link>
          </p>
        </div>
      </div>
    </WizardFrame>
  );
}
