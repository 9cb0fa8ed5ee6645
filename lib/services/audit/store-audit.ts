import type { Db } from "@/lib/adapters/db/open";
import { finishAudit, type AuditResult } from "@/lib/adapters/db/audits";
import { transitionOf } from "@/lib/core/alerts/transitions";

/** Stores a finished audit with the events its verdicts make under the alerting rule (new, regressed, …). */
export function storeAudit(db: Db, id: string, result: AuditResult, finishedAt = new Date()): Promise<void> {
  return finishAudit(db, id, result, finishedAt, transitionOf);
}
