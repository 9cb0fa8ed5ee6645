import type { Metadata } from "next";
import Link from "next/link";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { Notice } from "@/components/ui/notice";
import { ParameterGroupFields } from "@/components/wizard/parameter-group-fields";
import { StepForm } from "@/components/wizard/step-form";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { suggestions } from "@/lib/plan";
import { targetOf } from "@/lib/wizard/choices";
import { readChoice } from "@/lib/wizard/live";
import { loadStep, type SearchParams } from "@/lib/wizard/load-step";
import { pick } from "@/lib/wizard/params";
import { keysBefore, stepHref } from "@/lib/wizard/steps";

export const metadata: Metadata = { title: "Wizard: parameter group" };

/** Step 3: the parameter group that carries noeviction. */
export default async function ParameterGroupStep({ searchParams }: { searchParams: SearchParams }) {
  const { params, setup } = await loadStep("parameter-group", searchParams);
  const target = targetOf(params);
  if (!setup.ok || !target.ok) {
    return (
      <WizardFrame step="parameter-group" params={params} title="Parameter group">
        {!setup.ok ? (
          <AwsProblemNotice what="the AWS settings cannot be used" problem={setup.problem} />
        ) : null}
      </WizardFrame>
    );
  }
  const snapshot = await readChoice(setup.settings, target.value, [], { reuseCandidates: true });
  const found = suggestions(snapshot, target.value);
  if (!found.ok) {
    return (
      <WizardFrame step="parameter-group" params={params} title="Parameter group">
        <Notice tone="error" title={`${params.id} cannot be read`}>
          {found.message}{" "}
          <Link className="underline" href={stepHref("target", params)}>
            Choose another cluster
          </Link>
          .
        </Notice>
      </WizardFrame>
    );
  }
  const s = found.value;
  const current = s.parameterGroup.current;
  return (
    <WizardFrame
      step="parameter-group"
      params={params}
      title="Parameter group"
      description={
        current ? (
          <>
            Now: <span className="font-mono">{current.name}</span>
            {current.policy ? (
              <>
                {" "}
                with maxmemory-policy=<span className="font-mono">{current.policy}</span>
              </>
            ) : null}
            {current.isDefault ? " (a default group: AWS refuses to edit it)" : ""}.
          </>
        ) : (
          "No parameter group is attached now."
        )
      }
    >
      <StepForm
        step="parameter-group"
        hidden={pick(params, keysBefore("parameter-group"))}
        submitLabel="Continue to cluster modification"
        secondary={
          <Link
            href={stepHref("network", params)}
            className="text-[13px] text-slate-600 hover:text-slate-900"
          >
            Back
          </Link>
        }
      >
        <ParameterGroupFields pg={s.parameterGroup} family={s.family} p={params} />
      </StepForm>
    </WizardFrame>
  );
}
