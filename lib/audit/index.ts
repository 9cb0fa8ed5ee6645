/** The live audit: reads regions through lib/aws with few calls, then runs the pure rules of lib/readiness. */
export { collectRegion, groupsToRead, type CollectOptions } from "./collect-region";
export { auditLiveRegion, auditRegions, streamRegionAudits, type AuditRegionsOptions } from "./audit-regions";
