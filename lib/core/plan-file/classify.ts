/**
 * Which plans go into a plan file as targets: only those with something to send. A converged plan is
 * listed as up to date and a blocked one (the cluster is busy) as blocked, each with its reason, so the
 * file says what was looked at without asking apply to do what it would refuse.
 */
import type { Plan } from "@/lib/core/plan";
import type { NotPlanned } from "./format";

export type Classified = { plan: Plan } | { notPlanned: NotPlanned };

export function classifyPlan(plan: Plan): Classified {
  const { accountId, region, kind, id } = plan.target;
  const ref = { accountId, region, kind, id };
  if (plan.converged) return { notPlanned: { ...ref, status: "up-to-date", reason: plan.summaryLine } };
  if (plan.blockers.length > 0)
    return { notPlanned: { ...ref, status: "blocked", reason: plan.blockers.join(" ") } };
  return { plan };
}

/** The plan file's content for one browser preview: the target, or why it holds none. */
export function previewFileInput(plan: Plan): { plans: Plan[]; notPlanned: NotPlanned[] } {
  const c = classifyPlan(plan);
  return "plan" in c ? { plans: [c.plan], notPlanned: [] } : { plans: [], notPlanned: [c.notPlanned] };
}
