/** The planner's public API: pure functions over a Snapshot, no I/O. */
export * from "@/lib/plan/choices";
export * from "@/lib/plan/types";
// The plan's zod schemas: what the planner produces and what a plan file accepts, one description.
export * from "@/lib/plan/plan-schema";
export {
  computePlan,
  tryComputePlan,
  summarize,
  PlanInputError,
  type PlanResult,
} from "@/lib/plan/compute-plan";
export { fingerprintFacts, fingerprintOf, diffFingerprintInputs } from "@/lib/plan/fingerprint";
export { renderCli, shellQuote } from "@/lib/plan/render-cli";
export { policyDocument, stepActions, stepPolicy, type StepPolicy } from "@/lib/plan/step-policy";
export { awsParams, type AwsParams } from "@/lib/plan/aws-params";
export { ruleDescription } from "@/lib/plan/steps-network";
export { desiredSource, sameSource } from "@/lib/plan/live-facts";
export { ruleCoversPort } from "@/lib/net/port-rule";
export { renderJson, planFileName, PLAN_JSON_FORMAT, type PlanExport } from "@/lib/plan/render-json";
export { suggestions, suggestedGroupName, type Suggestions } from "@/lib/plan/suggestions";
export {
  targetOptions,
  type TargetOption,
  type TargetOptions,
  type VpcOption,
} from "@/lib/plan/target-options";
export { resolveTarget, targetRefOf, type ResolvedTarget } from "@/lib/plan/target";
export { validateTarget, readinessOf, type Readiness } from "@/lib/plan/validate-target";
export { validateNetwork, ANYWHERE_WARNING, type CheckedNetwork } from "@/lib/plan/validate-network";
export { validateParameterGroup, type CheckedParameterGroup } from "@/lib/plan/validate-parameter-group";
export {
  revertSpecOf,
  type RevertSpec,
  type RevertableRun,
  type RevertSpecResult,
} from "@/lib/plan/revert-spec";
export { computeRevertPlan } from "@/lib/plan/revert-plan";
