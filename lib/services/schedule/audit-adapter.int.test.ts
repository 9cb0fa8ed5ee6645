/**
 * The stored audit of every account (lib/services/audit through the scheduler's adapter) against the seeded
 * organization: each account's rows, the member whose role trusts nobody stored as that account's problem
 * next to the others' rows, and what finishing the audit leaves in target_states on both backends.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { auditRegions } from "@/lib/services/audit/audit-regions";
import { claimAuditSlot, latestAudit } from "@/lib/adapters/db/audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { allTargetStates } from "@/lib/adapters/db/target-state-queries";
import { auditForStorage } from "./audit-adapter";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const h = sandboxPerFile();
const dbs = databasesPerFile();
warmUp(dbs);
const home = mkdtempSync(path.join(tmpdir(), "queueready-estate-"));
const accountsFile = path.join(home, "accounts.json");
writeFileSync(accountsFile, JSON.stringify({ organization: { externalId: "queueready-sandbox" } }));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const orgEnv = { QUEUEREADY_ACCOUNTS_FILE: accountsFile, QUEUEREADY_SCOPE_CONCURRENCY: "3" };

describe("auditForStorage without an accounts file", () => {
  it("stores what the live audit says for the one account, and counts AWS errors by operation", async () => {
    const stored = await auditForStorage(h.settings, {}, { concurrency: 1 });
    const live = (await auditRegions(h.settings, ["us-east-1", "eu-west-1"])).flatMap((a) => a.clusters);
    expect(stored.verdicts.map((v) => `${v.region}/${v.targetId}:${v.verdict}`).sort()).toEqual(
      live.map((c) => `${c.ref.region}/${c.ref.id}:${c.verdict}`).sort(),
    );
    expect(stored.accounts).toEqual([{ id: "123456789012", name: "123456789012", problem: undefined }]);
    expect(stored.verdicts.every((v) => v.findings.every((f) => f.severity !== "pass"))).toBe(true);
    expect(stored).toMatchObject({ awsErrors: {}, failedRegions: [] });
    const events = stored.states!.targets.find((t) => t.targetId === "events-cluster")!;
    expect(events).toMatchObject({
      accountName: "123456789012",
      topology: "cluster mode · 2 shards × 2 nodes",
      vpcName: "prod",
      engine: "redis",
      engineVersion: "7.1.0",
    });
    h.sandbox.control.addFault({ operation: "DescribeSecurityGroups", kind: "access-denied" });
    try {
      const faulty = await auditForStorage(h.settings, {});
      expect(faulty.awsErrors.DescribeSecurityGroups).toBeGreaterThan(0);
    } finally {
      h.sandbox.control.clearFaults();
    }
  }, 60_000);
});

describe.each(BACKENDS)("the audit of every account, stored (%s)", (backend) => {
  it("keeps the research account's problem next to the other accounts' rows", async () => {
    const result = await auditForStorage(h.settings, orgEnv);
    const { db } = await dbs.open(backend);
    await claimAuditSlot(db, { id: "org-1", slot: "s1", startedBy: "test" });
    await storeAudit(db, "org-1", result);

    const run = (await latestAudit(db))!.run;
    const research = run.accounts!.find((a) => a.name === "research")!;
    expect(research.id).toBe("456789012345");
    expect(research.problem).toMatch(/OrganizationAccountAccessRole|not authorized|AccessDenied/i);
    expect(run.accounts!.filter((a) => a.problem).map((a) => a.name)).toEqual(["research"]);
    expect(run.failedRegions!.filter((f) => f.accountId === "456789012345").map((f) => f.region)).toEqual([
      "us-east-1",
      "eu-west-1",
    ]);

    const rows = await allTargetStates(db, {}, "name");
    const byAccount = (name: string) =>
      Object.fromEntries(rows.filter((r) => r.accountName === name).map((r) => [r.targetId, r.verdict]));
    expect(byAccount("staging")).toEqual({
      "stg-jobs-valkey8": "ready",
      "stg-orders": "needs-changes",
      "stg-memdb-default": "ready",
      "stg-memdb-lru": "needs-changes",
      "stg-memdb-valkey": "ready",
    });
    expect(byAccount("payments")).toEqual({
      "pay-ledger-redis62": "needs-changes",
      "pay-queue-cluster": "ready",
    });
    expect(Object.keys(byAccount("management"))).toHaveLength(18);
    expect(byAccount("research")).toEqual({});
    expect(rows.every((r) => r.staleReason === null)).toBe(true);
  }, 60_000);
});
