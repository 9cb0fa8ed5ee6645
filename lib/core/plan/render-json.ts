/**
 * The plan as machine-readable JSON: the plan itself (typed steps, impact, fingerprint, the target with its
 * account) and, beside it, each step's AWS call with the parameters named as AWS names them.
 */
import { awsParams, type AwsParams } from "./aws-params";
import { stepPolicy, type StepPolicy } from "./step-policy";
import type { Plan, StepKind } from "./types";

export const PLAN_JSON_FORMAT = "queueready-plan";

export interface AwsCall {
  stepId: StepKind;
  service: Plan["steps"][number]["service"];
  operation: string;
  /** False for a no-op step: shown for completeness, never sent. */
  sent: boolean;
  params: AwsParams;
  /** The principal the call is made with and the IAM actions it needs (when the exporter knows the role). */
  iam?: StepPolicy;
}

export interface PlanExport {
  format: typeof PLAN_JSON_FORMAT;
  version: Plan["version"];
  plan: Plan;
  awsCalls: AwsCall[];
}

/** `runsAs`: the principal the calls are made with (the account's apply role), recorded on each call. */
export function renderJson(plan: Plan, opts: { runsAs?: string } = {}): string {
  const runsAs = opts.runsAs;
  const awsCalls = plan.steps.map((step): AwsCall => ({
    stepId: step.id,
    service: step.service,
    operation: step.operation,
    sent: step.action !== "no-op",
    params: awsParams(step),
    ...(runsAs ? { iam: stepPolicy(step, runsAs) } : {}),
  }));
  const doc: PlanExport = { format: PLAN_JSON_FORMAT, version: plan.version, plan, awsCalls };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** File name for a download: `queueready-plan-us-east-1-orders-redis7.json`. */
export function planFileName(plan: Plan, extension: "json" | "sh"): string {
  return `queueready-plan-${plan.region}-${plan.target.id}.${extension}`;
}
