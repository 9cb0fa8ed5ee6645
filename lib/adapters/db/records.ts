/** Rows as the database returns them, derived from the schema so a column change shows up in every reader. */
import type { auditRuns, targetEvents, targetVerdicts } from "./schema";

export type AuditRunRow = typeof auditRuns.$inferSelect;
export type TargetVerdictRow = Omit<typeof targetVerdicts.$inferSelect, "auditId">;
export type TargetEventRow = typeof targetEvents.$inferSelect;
