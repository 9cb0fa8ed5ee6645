import Link from "next/link";
import { cx } from "@/components/ui/cx";
import type { WizardParams } from "@/lib/wizard/params";
import { reachableStep, stepHref, stepIndex, STEPS, type StepSlug } from "@/lib/wizard/steps";

/**
 * The steps across the top: the current one marked for screen readers (`aria-current="step"`), the ones
 * already answered linkable with every answer kept, the ones not reachable yet plain text.
 */
export function WizardStepper({ current, params }: { current: StepSlug; params: WizardParams }) {
  const here = stepIndex(current);
  const reachable = stepIndex(reachableStep(params));
  return (
    <nav aria-label="Wizard steps">
      <ol className="grid grid-cols-5 gap-2">
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
                      : "bg-slate-100 text-slate-500",
                )}
              >
                {index + 1}
              </span>
              <span className="truncate">{step.label}</span>
            </>
          );
          const classes = cx(
            "flex items-center gap-2 border-t-2 pt-2 text-[13px] font-medium",
            state === "current"
              ? "border-indigo-600 text-slate-900"
              : state === "done"
                ? "border-indigo-200 text-slate-700"
                : "border-slate-200 text-slate-400",
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
