import type { Metadata } from "next";
import { PlanStepCard } from "@/components/plan/plan-step-card";
import { PlanInputErrors } from "@/components/wizard/plan-input-errors";
import { BackLink } from "@/components/wizard/back-link";
import { AlarmFields } from "@/components/wizard/alarm-fields";
import { StepForm } from "@/components/wizard/step-form";
import { StepUnavailable } from "@/components/wizard/step-unavailable";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { tryComputePlan } from "@/lib/core/plan";
import { memoryAlarmSpec } from "@/lib/core/model/memory-alarm-spec";
import { choicesOf } from "@/lib/web/wizard/choices";
import { readChoice } from "@/lib/web/wizard/live";
import { loadStep, type SearchParams } from "@/lib/web/wizard/load-step";
import { pick } from "@/lib/web/wizard/params";
import { keysBefore, stepHref } from "@/lib/web/wizard/steps";

export const metadata: Metadata = { title: "Wizard: cluster modification" };

/** Step 4: what the cluster itself gets, the modify call, keeping the security groups it has now. */
export default async function ModificationStep({ searchParams }: { searchParams: SearchParams }) {
  const { params, setup } = await loadStep("modification", searchParams);
  const choices = choicesOf(params);
  if (!setup.ok) return <StepUnavailable step="modification" params={params} problem={setup.problem} />;
  // loadStep already sent a link with an unanswered step back to it.
  if (!choices.ok) return <StepUnavailable step="modification" params={params} />;
  const { target, parameterGroup } = choices.value;
  const snapshot = await readChoice(setup.settings, target, [parameterGroup.name]);
  const result = tryComputePlan(snapshot, choices.value);
  const back = stepHref("parameter-group", params);
  if (!result.ok) {
    return (
      <WizardFrame step="modification" params={params}>
        <PlanInputErrors fieldErrors={result.fieldErrors} params={params} />
        <div className="mt-4">
          <BackLink href={back} />
        </div>
      </WizardFrame>
    );
  }
  const step = result.plan.steps.find(
    (s) =>
      s.kind === "modify-replication-group" ||
      s.kind === "modify-cache-cluster" ||
      s.kind === "update-memorydb-cluster",
  )!;
  const index = result.plan.steps.indexOf(step);
  const memoryDb = target.kind === "memorydb-cluster";
  return (
    <WizardFrame step="modification" params={params} description={modificationDescription(target.kind)}>
      <StepForm
        step="modification"
        hidden={pick(params, keysBefore("modification"))}
        submitLabel="Preview changes"
        back={{ href: back }}
      >
        <ol className="space-y-3">
          <PlanStepCard step={step} index={index} />
        </ol>
        {/* MemoryDB's memory metrics are not read, so no memory alarm is planned for it (rule memory-alarm). */}
        {memoryDb ? null : (
          <AlarmFields
            alarmName={memoryAlarmSpec(target).alarmName}
            alarm={params.alarm}
            threshold={params.alarmThreshold}
            topic={params.alarmTopic}
          />
        )}
        <p className="text-[13px] text-slate-600">
          The preview lists every step in order, with the exact AWS calls, before you apply anything.
        </p>
      </StepForm>
    </WizardFrame>
  );
}

/**
 * What the modify call does, per kind. MemoryDB's UpdateCluster has no ApplyImmediately and no maintenance
 * window to wait for, so there is nothing to choose: it is said instead.
 */
function modificationDescription(kind: string): string {
  if (kind === "memorydb-cluster")
    return 'UpdateCluster attaches the parameter group and the security group; the groups attached now are kept. MemoryDB applies it on its own, with no "apply immediately" or maintenance window to choose: the cluster shows "updating" until its parameter group is in-sync, and keeps serving.';
  return `${kind === "replication-group" ? "ModifyReplicationGroup" : "ModifyCacheCluster"} attaches the parameter group and the security group. The groups attached now are kept.`;
}
