/** Verification on the engine itself: routes, INFO, the comparison with the API, the BullMQ smoke job. */
export { readEngineRoutes, routeTo, engineRoutesSchema, type EngineRoutes } from "./routes";
export { parseInfo, type EngineFacts } from "./info";
export { disagreements, type ApiFacts } from "./compare";
export {
  verifyEngine,
  exitCodeOf,
  type Verification,
  type VerifyOutcome,
  type VerifyOptions,
} from "./verify";
export {
  verifyTarget,
  readEngineCa,
  type VerifyTargetRequest,
  type VerifyTargetResult,
} from "./verify-target";
export { routesFromEngines, type ListedEngine } from "./sandbox-routes";
export { NOT_REACHABLE } from "./problems";
