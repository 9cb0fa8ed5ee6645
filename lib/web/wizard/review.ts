/**
 * The preview as a review page, the way the AWS console lays one out: the plan's steps grouped under the
 * wizard step whose answer produced them, each group with an Edit link back to that step. Pure.
 */
import type { PlanStep } from "@/lib/core/plan";
import { STEPS, type StepSlug } from "./steps";

export type ReviewSlug = Exclude<StepSlug, "preview">;

export interface ReviewGroup<S> {
  slug: ReviewSlug;
  /** "Network access": the wizard step's own label. */
  label: string;
  /** 1-based position of the wizard step. */
  number: number;
  /** The plan steps this wizard step decides, in plan order, with their index in the whole plan. */
  steps: { step: S; index: number }[];
}

/**
 * Which wizard step decides a plan step. By the kind's words rather than a closed table, so a step kind
 * added later (more parameter-group batches, a revert) still lands in the right group.
 */
export function reviewSlugOf(kind: string): ReviewSlug {
  if (kind.includes("security-group") || kind.includes("ingress")) return "network";
  if (kind.includes("parameter-group")) return "parameter-group";
  return "modification";
}

/** Every wizard step before the preview, each with its plan steps (the target step has none). */
export function reviewGroups<S extends Pick<PlanStep, "kind">>(steps: readonly S[]): ReviewGroup<S>[] {
  return STEPS.filter((s): s is (typeof STEPS)[number] & { slug: ReviewSlug } => s.slug !== "preview").map(
    (s, i) => ({
      slug: s.slug,
      label: s.label,
      number: i + 1,
      steps: steps.flatMap((step, index) => (reviewSlugOf(step.kind) === s.slug ? [{ step, index }] : [])),
    }),
  );
}
