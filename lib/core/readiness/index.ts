/** The BullMQ readiness audit: pure rules over a region snapshot, the connection snippet and the exports. */
export * from "./types";
export { auditRegion, auditTarget, regionAuditOf, verdictOf, snapshotProblems } from "./audit";
export { RULES, type Rule } from "./rules";
export { connectionSnippet, type SnippetOptions } from "./connection-snippet";
export { countVerdicts, exportCsv, liveCsvClusters } from "./export";
export { CSV_COLUMNS, csvCell, notReadCsvRow, toCsv, type CsvCluster, type NotRead } from "./csv";
export { wizardHref } from "./remediation";
