import { hasRole, type Role } from "@/lib/web/auth/roles";
import type { Metadata } from "next";
import Link from "next/link";
import { OwnedNotice } from "@/components/plan/owned-notice";
import { PlanActions } from "@/components/plan/plan-actions";
import { approvalRequiredFor } from "@/lib/web/approvals/apply-gate";
import { PlanExports } from "@/components/plan/plan-exports";
import { PlanStepCard } from "@/components/plan/plan-step-card";
import { PlanSummary } from "@/components/plan/plan-summary";
import { SecurityChanges } from "@/components/plan/security-changes";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { kindLabel } from "@/components/status/status-labels";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ConnectionPreview } from "@/components/wizard/connection-preview";
import { PlanInputErrors } from "@/components/wizard/plan-input-errors";
import { ReviewSection } from "@/components/wizard/review-section";
import { ReviewTarget } from "@/components/wizard/review-target";
import { StepUnavailable } from "@/components/wizard/step-unavailable";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { detailHref } from "@/lib/core/identity/links";
import { previewPlan } from "@/lib/services/apply/preview";
import { planOwners } from "@/lib/web/wizard/owners";
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { EstateAccount } from "@/lib/services/estate";
import { wizardSettings } from "@/lib/web/wizard/live";
import { choicesOf } from "@/lib/web/wizard/choices";
import { loadStep, type SearchParams } from "@/lib/web/wizard/load-step";
import { reviewGroups } from "@/lib/web/wizard/review";
import { stepHref } from "@/lib/web/wizard/steps";

export const metadata: Metadata = { title: "Preview changes" };

/**
 * The binding preview, computed from live state on every render and recorded under an id, laid out as the
 * AWS console's review page: the steps grouped by the wizard step that decided them, each with an Edit
 * link back, their exact AWS calls and EC2 DryRun answers, the security-sensitive ones set apart, the CLI
 * and JSON exports, and (operators only) Apply on the right, bound to this preview's fingerprint, with
 * Cancel and Back beside it.
 */
export default async function PreviewStep({ searchParams }: { searchParams: SearchParams }) {
  const { user, params, setup } = await loadStep("preview", searchParams);
  const choices = choicesOf(params);
  const frame = (children: React.ReactNode) => (
    <WizardFrame step="preview" params={params}>
      {children}
    </WizardFrame>
  );
  if (!setup.ok) return <StepUnavailable step="preview" params={params} problem={setup.problem} />;
  if (!choices.ok) return frame(null);
  const { account } = setup;
  let result: Awaited<ReturnType<typeof previewPlan>>;
  try {
    result = await previewPlan({
      settings: setup.settings,
      choices: choices.value,
      user: { name: user.name, role: user.role },
      dryRun: await dryRunSettings(user.role, account),
    });
  } catch (err) {
    if (err instanceof AwsError)
      return frame(<AwsProblemNotice what="the preview could not be computed" problem={err.problem} />);
    throw err;
  }
  if (!result.ok) return frame(<PlanInputErrors fieldErrors={result.fieldErrors} params={params} />);

  const { plan, permissions, previewId, connection } = result;
  const owners = await planOwners(setup.settings, plan);
  const href = stepHref("preview", params);
  const denied = permissions.filter((p) => p.result === "denied");
  // Cancel leaves the wizard for the cluster's own page; Back is the previous step, answers kept.
  const secondary = (
    <>
      <Link href={detailHref(plan.target)} className={buttonClasses("ghost")}>
        Cancel
      </Link>
      <Link href={stepHref("modification", params)} className={buttonClasses("secondary")}>
        Back
      </Link>
    </>
  );
  return (
    <WizardFrame
      step="preview"
      params={params}
      description={`${kindLabel(plan.target.kind)} ${plan.target.id} · ${plan.target.engine} ${plan.target.engineVersion}${plan.target.clusterEnabled ? " · cluster mode" : ""} · port ${plan.target.port ?? "unknown"}`}
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
        <OwnedNotice owners={owners} />
        {reviewGroups(plan.steps).map((group) => (
          <ReviewSection
            key={group.slug}
            number={group.number}
            label={group.label}
            editHref={stepHref(group.slug, params)}
          >
            {group.slug === "target" ? (
              <ReviewTarget
                target={plan.target}
                region={plan.region}
                accountName={account.name}
                runsAs={account.applyRole}
              />
            ) : group.steps.length > 0 ? (
              <ol aria-label={`Steps of ${group.label}`} className="space-y-3">
                {group.steps.map(({ step, index }) => (
                  <PlanStepCard
                    key={step.id}
                    step={step}
                    index={index}
                    heading="h4"
                    permission={permissions.find((p) => p.stepId === step.id)}
                    runsAs={account.applyRole}
                  />
                ))}
              </ol>
            ) : (
              <p className="text-[13px] text-slate-600">No AWS call for this step.</p>
            )}
          </ReviewSection>
        ))}
        <SecurityChanges plan={plan} />
        <PlanExports plan={plan} previewId={previewId} runsAs={account.applyRole} />
        <ConnectionPreview id={plan.target.id} connection={connection} />
        <PlanActions
          plan={plan}
          previewId={previewId}
          previewHref={href}
          role={user.role}
          approvalRequired={approvalRequiredFor(plan.target.accountId)}
          secondary={secondary}
          converged={{ message: `Nothing to apply: ${plan.target.id} already matches these choices.` }}
          owners={owners.owned}
          viewerMessage="You are signed in as a viewer: you can review and export this plan, but only an operator can apply it."
        />
      </div>
    </WizardFrame>
  );
}

/**
 * EC2 DryRun asks as the principal that will apply. With a separate apply role, only an operator's preview
 * assumes it; a viewer's page never holds write credentials, so its DryRun is left to the operator.
 */
async function dryRunSettings(
  role: string,
  account: EstateAccount,
): Promise<AwsSettings | false | undefined> {
  if (account.applyRole === account.readRole) return undefined;
  if (!hasRole(role as Role, "operator")) return false;
  const apply = await wizardSettings(account.accountId, "apply");
  return apply.ok ? apply.settings : false;
}
