import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { WizardStepper } from "@/components/wizard/wizard-stepper";
import { wizardAccountLabel } from "@/lib/web/wizard/account-name";
import type { WizardParams } from "@/lib/web/wizard/params";
import { STEPS, stepIndex, type StepSlug } from "@/lib/web/wizard/steps";

export interface WizardFrameProps {
  step: StepSlug;
  params: WizardParams;
  /** One line under the step's heading (the heading is the step's label in the stepper). */
  description?: ReactNode;
  /** Notices above the card (warnings from the live checks, unreadable AWS state). */
  notices?: ReactNode;
  children: ReactNode;
}

/**
 * The shape every step shares: the page heading naming the cluster, the account and region it is in, the
 * stepper, then the step's card.
 */
export async function WizardFrame({ step, params, description, notices, children }: WizardFrameProps) {
  const subject = params.id ? <span className="font-mono">{params.id}</span> : "a cluster";
  const account = await wizardAccountLabel(params.account);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">
          Make {subject} ready for BullMQ
        </h1>
        {account || params.region ? (
          <p className="mt-1 text-[13px] text-slate-700">
            {account ? (
              <>
                Account <span data-testid="wizard-account">{account}</span>
              </>
            ) : null}
            {account && params.region ? " · " : null}
            {params.region ? <span className="font-mono">{params.region}</span> : null}
          </p>
        ) : null}
        <p className="mt-1 text-[13px] text-slate-500">
          Every step is checked against the live account; nothing changes until you apply the preview.
        </p>
      </div>
      <WizardStepper current={step} params={params} />
      {notices}
      <Card>
        <CardHeader title={STEPS[stepIndex(step)]!.label} description={description} />
        <CardBody>{children}</CardBody>
      </Card>
    </div>
  );
}
