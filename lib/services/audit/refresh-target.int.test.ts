import { ACCOUNT_ID } from "@/tools/testing/fixtures";
import { afterAll, describe, expect, it } from "vitest";
import { claimAuditSlot } from "@/lib/adapters/db/audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { allTargetStates } from "@/lib/adapters/db/target-state-queries";
import { upsertTargetStates } from "@/lib/adapters/db/target-states";
import { targetTimeline } from "@/lib/adapters/db/target-events";
import { auditForStorage } from "@/lib/services/schedule/audit-adapter";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { memoryDatabase } from "@/tools/testing/test-db";
import { refreshStoredTarget } from "./refresh-target";
import { storeAuditedTarget } from "./store-target";
import { applyOptionsPerFile, wizardChoices } from "@/tools/testing/apply-helpers";
import { previewPlan } from "@/lib/services/apply/preview";
import { startApply } from "@/lib/services/apply/start-apply";

const h = sandboxPerFile();
const database = memoryDatabase();
afterAll(async () => (await database).close());
const applyOpts = applyOptionsPerFile(h);

describe("refreshStoredTarget (after an apply, undo or verify)", () => {
  it("replaces one target's stored row with what AWS says now, and removes a target that is gone", async () => {
    const { db } = await database;
    const t0 = new Date("2026-01-15T12:00:00Z");
    await claimAuditSlot(db, { id: "a1", slot: "s1", startedBy: "t", now: t0 });
    await storeAudit(db, "a1", await auditForStorage(h.settings, {}), t0);
    const orders = async () =>
      (await allTargetStates(db, { q: "orders-redis7" }, "name")).find(
        (r) => r.targetId === "orders-redis7",
      )!;
    const before = await orders();
    expect(before.verdict).toBe("needs-changes");

    // As if the stored row were out of date (the cluster changed after the audit).
    await upsertTargetStates(
      db,
      [
        {
          ...before,
          verdict: "ready",
          findings: [],
          engine: "redis",
          engineVersion: "7.1.0",
          vpcId: before.vpcId ?? undefined,
          vpcName: before.vpcName ?? undefined,
          port: before.port ?? undefined,
          parameterGroup: before.parameterGroup ?? undefined,
          policy: before.policy ?? undefined,
        },
      ],
      null,
      t0,
    );
    expect((await orders()).verdict).toBe("ready");
    await refreshStoredTarget(db, h.settings, {
      accountId: ACCOUNT_ID,
      region: "us-east-1",
      kind: "replication-group",
      id: "orders-redis7",
    });
    const after = await orders();
    expect(after).toMatchObject({
      verdict: "needs-changes",
      accountName: before.accountName,
      topology: before.topology,
      vpcName: "prod",
      firstSeenAt: t0,
      staleReason: null,
    });
    expect(after.auditedAt.getTime()).toBeGreaterThan(t0.getTime());
    expect(after.findings.map((f) => f.ruleId)).toEqual(before.findings.map((f) => f.ruleId));

    await upsertTargetStates(
      db,
      [
        {
          ...before,
          targetId: "deleted-since",
          engine: undefined,
          engineVersion: undefined,
          vpcId: undefined,
          vpcName: undefined,
          port: undefined,
          parameterGroup: undefined,
          policy: undefined,
        },
      ],
      null,
      t0,
    );
    await refreshStoredTarget(db, h.settings, {
      accountId: ACCOUNT_ID,
      region: "us-east-1",
      kind: "replication-group",
      id: "deleted-since",
    });
    expect(await allTargetStates(db, { q: "deleted-since" }, "name")).toEqual([]);
  }, 60_000);

  it("stores an apply's closing audit as the apply found the target, without reading AWS again", async () => {
    const { db } = await database;
    const t0 = new Date("2026-01-16T12:00:00Z");
    await claimAuditSlot(db, { id: "a2", slot: "s2", startedBy: "t", now: t0 });
    await storeAudit(db, "a2", await auditForStorage(h.settings, {}), t0);
    const row = async () =>
      (await allTargetStates(db, { q: "standalone-redis" }, "name")).find(
        (r) => r.targetId === "standalone-redis",
      )!;
    expect((await row()).verdict).toBe("needs-changes");

    const target = { region: "us-east-1", kind: "cache-cluster", id: "standalone-redis" } as const;
    const choices = await wizardChoices(h.context().access, target);
    const user = { name: "operator", role: "operator" };
    const preview = await previewPlan({ ...applyOpts, choices, user });
    if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
    const started = await startApply({ ownerGuard: "off", ...applyOpts, user, previewId: preview.previewId });
    const [run, closing] = await Promise.all([started.finished, started.closing]);
    expect(run.status).toBe("succeeded");
    expect(closing?.audit?.verdict).toBe(run.readiness?.verdict);

    h.sandbox.control.resetCalls();
    await storeAuditedTarget(db, closing!);
    expect(h.sandbox.control.calls()).toEqual({});
    const stored = await row();
    expect(stored).toMatchObject({ verdict: "ready", staleReason: null });
    const notPassing = closing!.audit!.findings.filter((f) => f.severity !== "pass");
    expect(stored.findings.map((f) => f.ruleId).sort()).toEqual(notPassing.map((f) => f.ruleId).sort());

    // The history shows the apply at once, and the next scheduled audit does not record it a second time.
    const ref = {
      accountId: ACCOUNT_ID,
      region: "us-east-1",
      kind: "cache-cluster",
      targetId: "standalone-redis",
    };
    const events = async () => (await targetTimeline(db, ref)).map((e) => `${e.event} ${e.verdictAfter}`);
    expect(await events()).toEqual(["new needs-changes", "resolved ready"]);
    const t1 = new Date(Date.now() + 60_000);
    await claimAuditSlot(db, { id: "a3", slot: "s3", startedBy: "t", now: t1 });
    await storeAudit(db, "a3", await auditForStorage(h.settings, {}), t1);
    expect(await events()).toEqual(["new needs-changes", "resolved ready"]);
  }, 60_000);
});
