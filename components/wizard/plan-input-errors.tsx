import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import type { WizardParams } from "@/lib/web/wizard/params";
import { stepHref, type StepSlug } from "@/lib/web/wizard/steps";

const STEP_OF: Record<string, { slug: StepSlug; label: string }> = {
  target: { slug: "target", label: "Target" },
  network: { slug: "network", label: "Network access" },
  parameterGroup: { slug: "parameter-group", label: "Parameter group" },
};

/**
 * The live checks refused the choices (the account moved since the step was answered): each message
 * with a link to the step that can fix it.
 */
export function PlanInputErrors({
  fieldErrors,
  params,
}: {
  fieldErrors: Record<string, string[]>;
  params: WizardParams;
}) {
  return (
    <Notice tone="error" title="These choices no longer pass the live checks">
      <ul className="space-y-1">
        {Object.entries(fieldErrors).map(([path, messages]) => {
          const step = STEP_OF[path.split(".")[0] ?? ""] ?? STEP_OF.target!;
          return (
            <li key={path}>
              {messages.join(" ")}{" "}
              <Link href={stepHref(step.slug, params)} className="font-medium underline">
                Change it in {step.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </Notice>
  );
}
