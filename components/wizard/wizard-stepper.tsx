import Link from "next/link";
import { cx } from "@/components/ui/cx";
import type { WizardParams } from "@/lib/web/wizard/params";
import { reachableStep, stepHref, stepIndex, STEPS, type StepSlug } from "@/lib/web/wizard/steps";

/**
 * The steps across the top: the current one marked for screen readers (`aria-current="step"`), the ones
 * already answered linkable with every answer kept, the ones not reachable yet plain text. On a phone they
 * stack (five labels cannot share 390 px without being cut to "Ta… N…"); labels wrap, never truncate.
 */
export function WizardStepper({ current, params }: { current: StepSlug; params: WizardParams }) {
  const here = stepIndex(current);
  const reachable = stepIndex(reachableStep(params));
  return (
    <nav aria-label="Wizard steps">
      <ol className="grid grid-cols-1 gap-1 sm:grid-cols-5 sm:gap-2">
        {STEPS.map((step, index) => {
          const state = index === here ? "current" : index <= reachable ? "done" : "todo";
          const body = (
            <>
              <span
                className={cx(
                  "flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                  state === "current"
                    ? "bg-indigo-600 text-white"
                    : state === "done"
                      ? "bg-indigo-100 text-indigo-700"
                      : "bg-slate-100 text-slate-700",
                )}
              >
                {index + 1}
              </span>
              <span className="min-w-0 break-words" data-step-label>
                {step.label}
              </span>
            </>
          );
          const classes = cx(
            "flex items-center gap-2 border-l-2 py-1 pl-2 text-[13px] font-medium sm:border-l-0 sm:border-t-2 sm:py-0 sm:pl-0 sm:pt-2",
            state === "current"
              ? "border-indigo-600 text-slate-900"
              : state === "done"
                ? "border-indigo-200 text-slate-700"
                : "border-slate-200 text-slate-600",
          );
          return (
            <li key={step.slug}>
              {state === "done" ? (
                <Link
                  href={stepHref(step.slug, params)}
                  className={cx(classes, "hover:text-indigo-700")}
                  prefetch={false}
                >
                  {body}
                </Link>
              ) : (
                <span className={classes} aria-current={state === "current" ? "step" : undefined}>
                  {body}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
