/** The live audit: reads regions through lib/aws with few calls, then runs the pure rules of lib/readiness. */
export {
  auditLiveRegion,
  auditRegions,
  streamRegionAudits,
  type AuditRegionsOptions,
  type CollectOptions,
} from "./audit-regions";
