import Link from "next/link";
import { AwsProblemNotice } from "@/components/status/aws-problem-notice";
import { Notice } from "@/components/ui/notice";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { WizardParams } from "@/lib/web/wizard/params";
import { stepHref, type StepSlug } from "@/lib/web/wizard/steps";

export interface StepUnavailableProps {
  step: StepSlug;
  params: WizardParams;
  /** The AWS settings cannot be used. */
  problem?: AwsProblem;
  /** Why the chosen cluster cannot be read; the notice offers to choose another. */
  unreadable?: string;
}

/** A step that cannot show its form: the frame and stepper stay, so the operator can still move around. */
export function StepUnavailable({ step, params, problem, unreadable }: StepUnavailableProps) {
  return (
    <WizardFrame step={step} params={params}>
      {problem ? <AwsProblemNotice what="the AWS settings cannot be used" problem={problem} /> : null}
      {unreadable !== undefined ? (
        <Notice tone="error" title={`${params.id} cannot be read`}>
          {unreadable}{" "}
          <Link className="underline" href={stepHref("target", params)}>
            Choose another cluster
          </Link>
          .
        </Notice>
      ) : null}
    </WizardFrame>
  );
}
