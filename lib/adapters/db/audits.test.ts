import { describe, expect, it } from "vitest";
import { claimAuditSlot, latestAudit } from "./audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);
const target = (id: string, verdict: string) => ({
  accountId: "123456789012",
  region: "us-east-1",
  kind: "replication-group",
  targetId: id,
  verdict,
  findings:
    verdict === "ready" ? [] : [{ ruleId: "eviction-policy", severity: "fail", title: "volatile-lru" }],
});

describe.each(BACKENDS)("stored audits (%s)", (backend) => {
  it("lets exactly one of several replicas claim an interval's slot", async () => {
    const { db } = await dbs.open(backend);
    const claims = await Promise.all(
      ["a", "b", "c", "d"].map((r) =>
        claimAuditSlot(db, { id: `audit-${r}`, slot: "2026-01-15T12:00:00.000Z", startedBy: r }),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(
      await claimAuditSlot(db, { id: "audit-e", slot: "2026-01-15T12:15:00.000Z", startedBy: "e" }),
    ).toBe(true);
  });

  it("serves the latest finished audit whole, never one still running", async () => {
    const { db } = await dbs.open(backend);
    expect(await latestAudit(db)).toBeUndefined();
    const t0 = new Date("2026-01-15T12:00:00Z");
    await claimAuditSlot(db, { id: "a1", slot: "s1", startedBy: "r", now: t0 });
    const many = Array.from({ length: 1_200 }, (_, i) =>
      target(`c-${i}`, i % 3 === 0 ? "ready" : "needs-changes"),
    );
    await storeAudit(
      db,
      "a1",
      { verdicts: many, awsErrors: { DescribeSecurityGroups: 2 }, failedRegions: [] },
      new Date(t0.getTime() + 4_500),
    );
    await claimAuditSlot(db, { id: "a2", slot: "s2", startedBy: "r" });
    const latest = (await latestAudit(db))!;
    expect(latest.run).toMatchObject({
      id: "a1",
      durationMs: 4_500,
      awsErrors: { DescribeSecurityGroups: 2 },
    });
    expect(latest.verdicts).toHaveLength(1_200);
    expect(latest.verdicts.find((v) => v.targetId === "c-1")).toEqual(target("c-1", "needs-changes"));
    await storeAudit(db, "a2", { verdicts: [target("c-0", "ready")], awsErrors: {}, failedRegions: [] });
    expect((await latestAudit(db))!.verdicts).toHaveLength(1);
  });
});
