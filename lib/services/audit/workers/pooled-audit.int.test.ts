import { afterAll, describe, expect, it } from "vitest";
import { AwsError } from "@/lib/adapters/aws/errors";
import { ACCOUNT_ID } from "@/tools/testing/fixtures";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { auditForStorage } from "@/lib/services/schedule/audit-adapter";
import { readAuditedTarget } from "@/lib/services/audit/audited-target";
import { auditEstateInWorkers, readTargetInWorker } from "./pooled-audit";
import { createWorkerPool } from "./worker-pool";
import { auditWorkerScript } from "./worker-script";

const h = sandboxPerFile();
// Two workers, as on this two-core machine, so the estate's regions are spread over both.
const pool = createWorkerPool(auditWorkerScript(), 2);
afterAll(() => pool.close());

const byKey = <T extends { accountId: string; region: string; targetId: string }>(rows: T[]) =>
  [...rows].sort((a, b) => `${a.region}/${a.targetId}`.localeCompare(`${b.region}/${b.targetId}`));

describe("audits in worker threads (lib/launch/audit-worker.ts under tsx)", () => {
  it("stores the same verdicts and rows as the audit on this thread", async () => {
    const inWorkers = await auditEstateInWorkers(h.settings, {}, pool);
    const here = await auditForStorage(h.settings, {});
    expect(inWorkers.verdicts.length).toBeGreaterThan(3);
    expect(byKey(inWorkers.verdicts)).toEqual(byKey(here.verdicts));
    expect(inWorkers.accounts).toEqual(here.accounts);
    // Rows differ only in when each region was read.
    expect(byKey(inWorkers.states!.targets)).toEqual(byKey(here.states!.targets));
  });

  it("re-reads one target as the focused read on this thread does", async () => {
    const ref = {
      accountId: ACCOUNT_ID,
      region: "us-east-1",
      kind: "replication-group",
      id: "orders-redis7",
    } as const;
    const inWorker = await readTargetInWorker(h.settings, {}, ref, pool);
    const here = await readAuditedTarget(h.settings, ref);
    expect(inWorker.audit?.verdict).toBe("needs-changes");
    expect(inWorker.audit).toEqual(here.audit);
  });

  it("returns an AWS failure as an AwsError with its problem", async () => {
    const ref = {
      accountId: "999999999999",
      region: "us-east-1",
      kind: "replication-group",
      id: "x",
    } as const;
    const failed = await readTargetInWorker(h.settings, {}, ref, pool).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(AwsError);
    expect((failed as AwsError).message).toMatch(/999999999999 is not one QueueReady is configured for/);
  });
});
