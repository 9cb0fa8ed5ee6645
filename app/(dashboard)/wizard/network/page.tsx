import type { Metadata } from "next";
import Link from "next/link";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { Notice } from "@/components/ui/notice";
import { SecurityGroupFields, SourceFields } from "@/components/wizard/network-fields";
import { StepForm } from "@/components/wizard/step-form";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { suggestions, type NetworkChoice } from "@/lib/plan";
import { targetOf } from "@/lib/wizard/choices";
import { readChoice } from "@/lib/wizard/live";
import { loadStep, type SearchParams } from "@/lib/wizard/load-step";
import { pick, type WizardParams } from "@/lib/wizard/params";
import { keysBefore, stepHref } from "@/lib/wizard/steps";

export const metadata: Metadata = { title: "Wizard: network access" };

/** Step 2: the security group that gets the inbound rule and the rule's source; the port comes from the endpoint. */
export default async function NetworkStep({ searchParams }: { searchParams: SearchParams }) {
  const { params, setup } = await loadStep("network", searchParams);
  const target = targetOf(params);
  if (!setup.ok || !target.ok) {
    return (
      <WizardFrame step="network" params={params} title="Network access">
        {!setup.ok ? (
          <AwsProblemNotice what="the AWS settings cannot be used" problem={setup.problem} />
        ) : null}
      </WizardFrame>
    );
  }
  const found = suggestions(await readChoice(setup.settings, target.value), target.value);
  if (!found.ok) {
    return (
      <WizardFrame step="network" params={params} title="Network access">
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
      title="Network access"
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
        secondary={
          <Link href={stepHref("target", params)} className="text-[13px] text-slate-600 hover:text-slate-900">
            Back
          </Link>
        }
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
