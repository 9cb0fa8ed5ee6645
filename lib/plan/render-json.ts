/**
 * The plan as machine-readable JSON: the same steps, parameters, impact and fingerprint the preview shows.
 */
import type { Plan } from "@/lib/plan/types";

export const PLAN_JSON_FORMAT = "queueready-plan";

export interface PlanExport {
  format: typeof PLAN_JSON_FORMAT;
  version: Plan["version"];
  plan: Plan;
}

export function renderJson(plan: Plan): string {
  const doc: PlanExport = { format: PLAN_JSON_FORMAT, version: plan.version, plan };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** File name for a download: `queueready-plan-us-east-1-orders-redis7.json`. */
export function planFileName(plan: Plan, extension: "json" | "sh"): string {
  return `queueready-plan-${plan.region}-${plan.target.id}.${extension}`;
}
