import type { Metadata } from "next";
import Link from "next/link";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { BackLink } from "@/components/wizard/back-link";
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
  const description = (
    <>
      Port <strong className="font-mono">{s.port ?? "unknown"}</strong>, taken from the cluster&apos;s
      endpoint · VPC <span className="font-mono">{s.vpcId ?? "unknown"}</span>
    </>
  );
  // Without the security groups the attached ones cannot be listed nor a rule checked (validate-network
  // refuses the step): say why, announced, instead of a form with nothing to choose.
  const unread = s.network.securityGroupsProblem;
  if (unread)
    return (
      <WizardFrame
        step="network"
        params={params}
        description={description}
        notices={<AwsProblemNotice what="the security groups could not be read" problem={unread} announce />}
      >
        <p className="text-[13px] text-slate-700">
          This step needs the security groups of the cluster&apos;s VPC to show the ones attached to{" "}
          <span className="font-mono">{params.id}</span> and to check a new rule against them, so it cannot go
          on until they can be read. Nothing was changed.
        </p>
        <div className="mt-5 flex flex-wrap items-center gap-4">
          <BackLink href={stepHref("target", params)} />
          <Link
            href={stepHref("network", params)}
            prefetch={false}
            className={buttonClasses("primary", "md", "ml-auto")}
          >
            Try again
          </Link>
        </div>
      </WizardFrame>
    );
  const reuse = s.network.equivalentRule;
  const notices = reuse ? (
    <Notice tone="info" title="Existing rule reused">
      {reuse.groupId} already allows {reuse.rule}. Keep that group and source and no new rule is created.
    </Notice>
  ) : null;
  return (
    <WizardFrame step="network" params={params} notices={notices} description={description}>
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
