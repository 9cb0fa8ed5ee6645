/** The fix as code: a plan as the Terraform or CloudFormation its owner would merge, instead of an apply. */
import type { Plan } from "../types";
import type { IacContext } from "./model";
import { renderCloudFormation } from "./render-cloudformation";
import { renderTerraform } from "./render-terraform";

export const IAC_FORMATS = ["terraform", "cloudformation"] as const;
export type IacFormat = (typeof IAC_FORMATS)[number];

export function renderFixAsCode(format: IacFormat, ctx: IacContext): string {
  return format === "terraform" ? renderTerraform(ctx) : renderCloudFormation(ctx);
}

/** `queueready-fix-us-east-1-orders-redis7.tf` / `….yaml`. */
export function fixFileName(plan: Plan, format: IacFormat): string {
  return `queueready-fix-${plan.region}-${plan.target.id}.${format === "terraform" ? "tf" : "yaml"}`;
}

export type { IacContext } from "./model";
export { STEP_IAC, iacParts } from "./step-table";
export { splitAddress } from "./render-terraform";
