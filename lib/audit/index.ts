/** The live audit: reads regions through lib/aws with few calls, then runs the pure rules of lib/readiness. */
export { collectRegion, type CollectOptions } from "./collect-region";
export { groupsToRead } from "./dependent-reads";
export { auditLiveRegion, auditRegions, streamRegionAudits, type AuditRegionsOptions } from "./audit-regions";
