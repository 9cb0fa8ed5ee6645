/** Plan files: the binding plan on disk, made by `npm run plan` or the browser, read by `npm run apply`. */
export { MAX_TARGETS, PLAN_FILE_FORMAT, planFileSchema, type NotPlanned, type PlanFile } from "./format";
export { contentHash, withHash } from "./hash";
export { buildPlanFile, planFileName, serializePlanFile, type PlanFileInput } from "./build";
export {
  DEFAULT_MAX_AGE_MS,
  MAX_PLAN_FILE_BYTES,
  MAX_PLAN_FILE_DEPTH,
  parsePlanFile,
  planAge,
  refusalOf,
  type PlanTrust,
  type ReadPlanFile,
} from "./read";
export {
  ALLOW_UNSIGNED_FLAG,
  planSigningKey,
  signPlanFile,
  SIGNING_KEY_VARIABLE,
  type PlanSigningKey,
} from "./signing";
// The plan inside a plan file is the planner's own schema (lib/plan), not a copy of it.
export { planSchema } from "@/lib/core/plan";
export { classifyPlan, previewFileInput, type Classified } from "./classify";
