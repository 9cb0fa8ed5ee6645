import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { SecurityGroupFields, SourceFields } from "@/components/wizard/network-fields";
import { StepForm } from "@/components/wizard/step-form";
import { StepUnavailable } from "@/components/wizard/step-unavailable";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import type { NetworkChoice } from "@/lib/core/plan";
import type { SearchParams } from "@/lib/web/wizard/load-step";
import { loadSuggestions } from "@/lib/web/wizard/load-suggestions";
import { pick, type WizardParams } from "@/lib/web/wizard/params";
import { keysBefore, stepHref } from "@/lib/web/wizard/steps";

export const metadata: Metadata = { title: "Wizard: network access" };

/** Step 2: the security group that gets the inbound rule and the rule's source; the port comes from the endpoint. */
export default async function NetworkStep({ searchParams }: { searchParams: SearchParams }) {
  const loaded = await loadSuggestions("network", searchParams);
  if (!loaded.ok) return <StepUnavailable step="network" {...loaded} />;
  const { params, suggestions: s } = loaded;
  const reuse = s.network.equivalentRule;
  const notices = reuse ? (
    <Notice tone="info" title="Existing rule reused">
      {reuse.groupId} already allows {reuse.rule}. Keep that group and source and no new rule is created.
    </Notice>
  ) : null;
  return (
    <WizardFrame
      step="network"
      params={params}
      notices={notices}
      description={
        <>
          Port <strong className="font-mono">{s.port ?? "unknown"}</strong>, taken from the cluster&apos;s
          endpoint · VPC <span className="font-mono">{s.vpcId ?? "unknown"}</span>
        </>
      }
    >
      <StepForm
        step="network"
        hidden={pick(params, keysBefore("network"))}
        submitLabel="Continue to parameter group"
        back={{ href: stepHref("target", params) }}
      >
        <SecurityGroupFields
          network={s.network}
          vpcId={s.vpcId}
          p={withDefaults(params, s.network.recommended)}
        />
        <SourceFields network={s.network} port={s.port} p={params} />
      </StepForm>
    </WizardFrame>
  );
}

/** The recommended security group pre-selected when the URL has no choice yet. */
function withDefaults(p: WizardParams, recommended: NetworkChoice | undefined): WizardParams {
  if (p.sg || !recommended) return p;
  const sg = recommended.securityGroup;
  return sg.mode === "existing"
    ? { ...p, sg: "existing", sgId: sg.groupId }
    : { ...p, sg: "new", sgName: p.sgName ?? sg.name };
}
