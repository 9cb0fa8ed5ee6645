/** The live audit: reads regions through lib/aws with few calls, then runs the pure rules of lib/readiness. */
export {
  auditDetailedRegion,
  auditLiveRegion,
  auditRegions,
  streamRegionAudits,
  type AuditRegionsOptions,
  type CollectOptions,
  type DetailedRegionAudit,
} from "./audit-regions";
export {
  auditScopes,
  resolveEstate,
  type AccountAudit,
  type EstateScopes,
  type EstateSelection,
} from "./accounts";
