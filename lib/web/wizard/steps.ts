/**
 * The wizard's steps in order, which parameters each one decides, and how far a set of parameters
 * reaches: a deep link into a later step whose earlier answers are missing is sent back to the first gap.
 */
import { choicesOf } from "./choices";
import { toQuery, type ParamKey, type WizardParams } from "./params";

export type StepSlug = "target" | "network" | "parameter-group" | "modification" | "preview";

export interface WizardStep {
  slug: StepSlug;
  label: string;
  /** The parameters this step and every step before it decide. */
  keys: readonly ParamKey[];
}

const TARGET_KEYS = ["account", "region", "kind", "id", "vpc", "resume"] as const;
const NETWORK_KEYS = [...TARGET_KEYS, "sg", "sgId", "sgName", "src", "srcGroup", "cidr", "ack"] as const;
const PG_KEYS = [...NETWORK_KEYS, "pg", "pgName", "confirm"] as const;
const ALL_KEYS = [...PG_KEYS, "alarm", "alarmThreshold", "alarmTopic"] as const;

export const STEPS: readonly WizardStep[] = [
  { slug: "target", label: "Target", keys: TARGET_KEYS },
  { slug: "network", label: "Network access", keys: NETWORK_KEYS },
  { slug: "parameter-group", label: "Parameter group", keys: PG_KEYS },
  { slug: "modification", label: "Cluster modification", keys: ALL_KEYS },
  { slug: "preview", label: "Preview changes", keys: ALL_KEYS },
];

export function stepIndex(slug: StepSlug): number {
  return STEPS.findIndex((s) => s.slug === slug);
}

/** The answers of the steps before `slug`: what its form carries along as hidden fields. */
export function keysBefore(slug: Exclude<StepSlug, "target">): readonly ParamKey[] {
  return STEPS[stepIndex(slug) - 1]!.keys;
}

/**
 * `/wizard/<slug>?<every answer>`. Links keep later answers too, so going Back and forward again
 * loses nothing; a step's form posts only its own and earlier answers, and the action re-checks them.
 */
export function stepHref(slug: StepSlug, params: WizardParams): string {
  const query = toQuery(params);
  return query ? `/wizard/${slug}?${query}` : `/wizard/${slug}`;
}

/** The furthest step these parameters may open: every step before it has a well-formed answer. */
export function reachableStep(params: WizardParams): StepSlug {
  const parsed = choicesOf(params);
  if (parsed.ok) return "preview";
  return parsed.step;
}

/** Where a request for `slug` should go instead, or undefined when it may open as asked. */
export function redirectFor(slug: StepSlug, params: WizardParams): string | undefined {
  const reachable = reachableStep(params);
  return stepIndex(slug) > stepIndex(reachable) ? stepHref(reachable, params) : undefined;
}
