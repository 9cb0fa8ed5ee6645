/** lib/inventory: the one model of the estate (identity, collector, target view) every feature asks. */
export * from "./identity";
export type { FocusedSnapshot, ReadResult, RegionSnapshot, Snapshot } from "./snapshot";
export { callerIdentity, openScope, type ScopeAccess } from "./account";
export { collect, type CollectOptions, type Focus } from "./collect";
export { viewTarget, familyOfGroup, type TargetView } from "./target-view";
export { indexSnapshot, type SnapshotIndex } from "./snapshot-index";
export {
  FAMILY_DEFAULT_POLICY,
  FAMILY_DEFAULTS,
  readParameter,
  readPolicy,
  type ParameterReading,
} from "./parameters";
export { listTargets } from "./list-targets";
