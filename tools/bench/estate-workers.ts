/**
 * The estate audit as the app runs it (lib/services/audit/workers): listed on this thread, each
 * account-region read and judged by one of `size` worker threads. The workers find the organization
 * through an accounts file, as the app would be configured for it; one untimed audit starts and warms them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { auditEstateInWorkers } from "@/lib/services/audit/workers/pooled-audit";
import { createWorkerPool } from "@/lib/services/audit/workers/worker-pool";
import { auditWorkerScript } from "@/lib/services/audit/workers/worker-script";

export interface AuditCount {
  rows: number;
  failed: number;
}

export interface EstateWorkers {
  /** The estate audited with these base settings: its rows, and the accounts and regions that failed. */
  audit(settings: AwsSettings, concurrency: number): Promise<AuditCount>;
  close(): Promise<void>;
}

export async function startWorkers(size: number, warm: AwsSettings): Promise<EstateWorkers> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "qr-bench-estate-"));
  const file = path.join(dir, "accounts.json");
  writeFileSync(file, JSON.stringify({ organization: { memberRoleName: "OrganizationAccountAccessRole" } }));
  const pool = createWorkerPool(auditWorkerScript(), size);
  const run = async (settings: AwsSettings, concurrency: number): Promise<AuditCount> => {
    const env = { QUEUEREADY_ACCOUNTS_FILE: file, QUEUEREADY_SCOPE_CONCURRENCY: String(concurrency) };
    const result = await auditEstateInWorkers(settings, env, pool);
    const failed = result.failedRegions.length + (result.accounts ?? []).filter((a) => a.problem).length;
    return { rows: result.verdicts.length, failed };
  };
  await run(warm, 20);
  return {
    audit: run,
    async close() {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
