import type { Metadata } from "next";
import Link from "next/link";
import { OwnedNotice } from "@/components/plan/owned-notice";
import { PlanActions } from "@/components/plan/plan-actions";
import { approvalRequiredFor } from "@/lib/web/approvals/apply-gate";
import { PlanStepCard } from "@/components/plan/plan-step-card";
import { PlanSummary } from "@/components/plan/plan-summary";
import { SecurityChanges } from "@/components/plan/security-changes";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { notFound } from "next/navigation";
import { getApplyRun } from "@/lib/adapters/db/lookups";
import { previewRevert } from "@/lib/services/apply/revert";
import { AwsError } from "@/lib/adapters/aws/errors";
import { requireRole } from "@/lib/web/auth/require-role";
import { applyRevertAction } from "@/lib/web/changes/revert-action";
import { wizardSettings } from "@/lib/web/wizard/live";
import { planOwners } from "@/lib/web/wizard/owners";

export const metadata: Metadata = { title: "Revert an apply" };

/**
 * The revert's binding preview, read live on every render like the wizard's: the one call that puts the
 * cluster back on the groups the run replaced, before → after, or why it cannot be reverted now.
 */
export default async function RevertPreviewPage({ params }: { params: Promise<{ runId: string }> }) {
  const user = await requireRole("viewer");
  const { runId } = await params;
  const back = `/changes/${runId}`;
  const href = `${back}/revert`;
  const frame = (children: React.ReactNode, description?: string) => (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Revert this apply</h1>
        <p className="mt-1 text-[13px] text-slate-500">
          Run <span className="font-mono">{runId}</span>
          {description ? ` · ${description}` : ""}
        </p>
      </div>
      {children}
    </div>
  );
  const run = await getApplyRun(runId);
  if (!run) notFound();
  // Read settings of the run's account: a revert has ElastiCache steps only, which no DryRun can check.
  const setup = await wizardSettings(run.target.accountId, "read");
  if (!setup.ok && setup.notFound) notFound();
  if (!setup.ok)
    return frame(<AwsProblemNotice what="the AWS settings cannot be used" problem={setup.problem} />);
  let result: Awaited<ReturnType<typeof previewRevert>>;
  try {
    result = await previewRevert({
      settings: setup.settings,
      runId,
      user: { name: user.name, role: user.role },
    });
  } catch (err) {
    if (err instanceof AwsError)
      return frame(<AwsProblemNotice what="the revert could not be previewed" problem={err.problem} />);
    throw err;
  }
  const cancel = (
    <Link href={back} className={buttonClasses("ghost")}>
      Cancel
    </Link>
  );
  if (!result.ok) {
    const changed = result.fieldErrors["revert.changed"];
    return frame(
      <div className="space-y-4">
        <Notice
          tone="error"
          title={
            changed
              ? "The cluster changed since this apply: nothing was reverted"
              : "This apply cannot be reverted"
          }
        >
          {changed ? <p>Reverting now would overwrite what someone else changed:</p> : null}
          <ul className="mt-1 list-disc space-y-0.5 pl-5 [overflow-wrap:anywhere]">
            {Object.values(result.fieldErrors)
              .flat()
              .map((m) => (
                <li key={m}>{m}</li>
              ))}
          </ul>
        </Notice>
        <div className="flex flex-wrap justify-end gap-3">
          {cancel}
          <Link href={href} className={buttonClasses("secondary")} prefetch={false}>
            Preview again
          </Link>
        </div>
      </div>,
    );
  }
  const { plan, permissions, previewId } = result;
  // A revert writes the cluster (and its groups) too: what another tool owns needs a reason here as well.
  const owners = await planOwners(setup.settings, plan);
  return frame(
    <div className="space-y-6">
      <PlanSummary plan={plan} />
      <OwnedNotice owners={owners} />
      <ol aria-label="Steps of the revert" className="space-y-3">
        {plan.steps.map((step, index) => (
          <PlanStepCard
            key={step.id}
            step={step}
            index={index}
            permission={permissions.find((p) => p.stepId === step.id)}
          />
        ))}
      </ol>
      <SecurityChanges plan={plan} />
      <PlanActions
        plan={plan}
        previewId={previewId}
        previewHref={href}
        role={user.role}
        approvalRequired={approvalRequiredFor(plan.target.accountId)}
        secondary={cancel}
        converged={{
          message: `Nothing to revert: ${plan.summaryLine}`,
          actions: (
            <Link href={back} className={buttonClasses("secondary")}>
              Back to the run
            </Link>
          ),
        }}
        viewerMessage="You are signed in as a viewer: only an operator can revert an apply."
        apply={{ action: applyRevertAction, fields: { runId }, label: "Revert" }}
        owners={owners.owned}
      />
    </div>,
    `${plan.target.id} in ${plan.region}`,
  );
}
