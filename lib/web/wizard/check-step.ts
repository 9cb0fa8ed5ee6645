/**
 * The live check behind each step's form: lib/core/plan's validators run against a snapshot read just now, and
 * their field errors are re-keyed to the form fields that show them. Pure, so it is tested on the seed.
 */
import type { Snapshot } from "@/lib/core/model/snapshot";
import { tryComputePlan } from "@/lib/core/plan";
import {
  checkNetworkChoice,
  checkParameterGroupChoice,
  checkTargetChoice,
} from "@/lib/core/plan/check-choice";
import { busyReason } from "@/lib/core/plan/validate-target";
import type { TargetChoice } from "@/lib/core/plan";
import { choicesOf, networkOf, parameterGroupOf, targetOf, type Parsed } from "./choices";
import { toFormErrors, type WizardParams } from "./params";
import type { StepSlug } from "./steps";

export type FormStep = Exclude<StepSlug, "preview">;

export type StepCheck =
  { ok: true; warnings: string[] } | { ok: false; fieldErrors: Record<string, string[]> };

const failed = (fieldErrors: Record<string, string[]>): StepCheck => ({
  ok: false,
  fieldErrors: toFormErrors(fieldErrors),
});

/** The step after `step` in the wizard. */
export function nextStep(step: FormStep): StepSlug {
  const order: StepSlug[] = ["target", "network", "parameter-group", "modification", "preview"];
  return order[order.indexOf(step) + 1]!;
}

/** The chosen target, or the errors to show when none (or a malformed one) was chosen: no read needed. */
export function chosenTarget(params: WizardParams): Parsed<TargetChoice> {
  const target = targetOf(params);
  // No cluster picked at all: one plain sentence rather than zod's words about each missing part.
  if (!target.ok && (!params.kind || !params.id))
    return { ok: false, fieldErrors: { id: ["Choose a cluster."] } };
  return target;
}

/** Checks `step`'s answer (and that the earlier answers still hold) against live state. */
export function checkStep(step: FormStep, params: WizardParams, snapshot: Snapshot): StepCheck {
  const target = chosenTarget(params);
  if (!target.ok) return { ok: false, fieldErrors: target.fieldErrors };
  const checkedTarget = checkTargetChoice(snapshot, target.value);
  if (!checkedTarget.ok) return failed(checkedTarget.fieldErrors);
  // A busy cluster is refused at the step that picks it; the preview would only say so at the end.
  const busy = busyReason(checkedTarget.value);
  if (busy) return failed({ id: [busy] });
  if (step === "target") return { ok: true, warnings: checkedTarget.warnings };

  if (step === "network") {
    const network = networkOf(params);
    if (!network.ok) return { ok: false, fieldErrors: network.fieldErrors };
    const checked = checkNetworkChoice(snapshot, checkedTarget.value, target.value, network.value);
    return checked.ok ? { ok: true, warnings: checked.warnings } : failed(checked.fieldErrors);
  }
  if (step === "parameter-group") {
    const pg = parameterGroupOf(params);
    if (!pg.ok) return { ok: false, fieldErrors: pg.fieldErrors };
    const checked = checkParameterGroupChoice(snapshot, checkedTarget.value, target.value, pg.value);
    return checked.ok ? { ok: true, warnings: checked.warnings } : failed(checked.fieldErrors);
  }
  const choices = choicesOf(params);
  if (!choices.ok && choices.step === "modification") return { ok: false, fieldErrors: choices.fieldErrors };
  if (!choices.ok)
    return { ok: false, fieldErrors: { _form: [`The ${choices.step} step needs an answer first.`] } };
  const plan = tryComputePlan(snapshot, choices.value);
  return plan.ok ? { ok: true, warnings: plan.plan.warnings } : failed(plan.fieldErrors);
}
