/** Plain-text renderings of plan values for the preview (pure, shared by the step card and its tests). */
import {
  awsParams,
  isStepRef,
  NEW_SECURITY_GROUP_REF,
  type JsonValue,
  type PlanStep,
  type StepRef,
} from "@/lib/core/plan";

/** A step reference as a person reads it: the value only known once an earlier step ran. */
export function refLabel(ref: StepRef): string {
  return ref.ref === NEW_SECURITY_GROUP_REF ? "<id of the new security group>" : `<${ref.ref}>`;
}

function plain(value: JsonValue | StepRef): unknown {
  if (isStepRef(value)) return refLabel(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v as JsonValue)]));
  return value;
}

/** The step's exact API parameters, pretty-printed, with step references spelled out. */
export function paramsText(step: PlanStep): string {
  return JSON.stringify(plain(awsParams(step) as JsonValue), null, 2);
}

export const ACTION_LABEL: Record<PlanStep["action"], string> = {
  create: "create",
  change: "change",
  "no-op": "no change",
};

/** "Immediately · no reboot · no downtime". Every step is immediate: QueueReady never reboots a node. */
export function effectLine(step: Pick<PlanStep, "effect">): string {
  const e = step.effect;
  return [
    "Takes effect immediately",
    e.reboot ? "needs a reboot" : "no reboot",
    e.downtime ? "downtime" : "no downtime",
  ].join(" · ");
}

/**
 * The line beside "Download plan file": how to apply exactly this plan from a terminal, or, for a plan that
 * changes nothing, that there is nothing to apply (the file still records the state it was checked against).
 */
export function exportHint(plan: { converged: boolean }): { lead: string; command?: string; tail?: string } {
  if (plan.converged)
    return {
      lead: "Nothing to apply: the cluster already matches these choices. The file records that check.",
    };
  return {
    lead: "Apply exactly this plan from a terminal or CI: ",
    command: "npm run apply -- FILE",
    tail: " (it refuses the plan if the cluster changed).",
  };
}
