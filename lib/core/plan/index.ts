/** The planner's public API: pure functions over a Snapshot, no I/O. */
export * from "./choices";
export * from "./types";
// The plan's zod schemas: what the planner produces and what a plan file accepts, one description.
export * from "./plan-schema";
export { computePlan, tryComputePlan, summarize, PlanInputError, type PlanResult } from "./compute-plan";
export { fingerprintFacts, fingerprintOf, diffFingerprintInputs } from "./fingerprint";
export { renderCli, shellQuote } from "./render-cli";
export { policyDocument, stepActions, stepPolicy, type StepPolicy } from "./step-policy";
export { awsParams, type AwsParams } from "./aws-params";
export { ruleDescription } from "./steps-network";
export { desiredSource, sameSource } from "./live-facts";
export { ruleCoversPort } from "@/lib/core/net/port-rule";
export { renderJson, planFileName, PLAN_JSON_FORMAT, type PlanExport } from "./render-json";
export { suggestions, suggestedGroupName, type SuggestionOptions, type Suggestions } from "./suggestions";
export { targetOptions, type TargetOption, type TargetOptions, type VpcOption } from "./target-options";
export { resolveTarget, targetRefOf, type ResolvedTarget } from "./target";
export { validateTarget, readinessOf, type Readiness } from "./validate-target";
export { validateNetwork, ANYWHERE_WARNING, type CheckedNetwork } from "./validate-network";
export { validateParameterGroup, type CheckedParameterGroup } from "./validate-parameter-group";
export { revertSpecOf, type RevertSpec, type RevertableRun, type RevertSpecResult } from "./revert-spec";
export { computeRevertPlan } from "./revert-plan";
export {
  alarmDescriptionOf,
  alarmPutByQueueReady,
  alarmPutByRun,
  ALARM_LEFT_OUT,
  NOBODY_NOTIFIED,
} from "./steps-alarm";
