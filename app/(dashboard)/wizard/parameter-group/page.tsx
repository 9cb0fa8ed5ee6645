import type { Metadata } from "next";
import { ParameterGroupFields } from "@/components/wizard/parameter-group-fields";
import { StepForm } from "@/components/wizard/step-form";
import { StepUnavailable } from "@/components/wizard/step-unavailable";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import type { SearchParams } from "@/lib/web/wizard/load-step";
import { loadSuggestions } from "@/lib/web/wizard/load-suggestions";
import { pick } from "@/lib/web/wizard/params";
import { keysBefore, stepHref } from "@/lib/web/wizard/steps";

export const metadata: Metadata = { title: "Wizard: parameter group" };

/** Step 3: the parameter group that carries noeviction. */
export default async function ParameterGroupStep({ searchParams }: { searchParams: SearchParams }) {
  const loaded = await loadSuggestions("parameter-group", searchParams, { reuseCandidates: true });
  if (!loaded.ok) return <StepUnavailable step="parameter-group" {...loaded} />;
  const { params, suggestions: s } = loaded;
  const current = s.parameterGroup.current;
  return (
    <WizardFrame
      step="parameter-group"
      params={params}
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
            {current.isDefault ? " (a default group: AWS refuses to edit it)" : ""}
            {s.service === "memorydb" && !current.isDefault && current.policy !== "noeviction"
              ? " (a MemoryDB cluster gets a group of its own with noeviction: the planner does not edit MemoryDB groups in place)"
              : ""}
            .
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
        back={{ href: stepHref("network", params) }}
      >
        <ParameterGroupFields pg={s.parameterGroup} family={s.family} p={params} service={s.service} />
      </StepForm>
    </WizardFrame>
  );
}
