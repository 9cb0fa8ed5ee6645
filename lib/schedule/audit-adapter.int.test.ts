import { describe, expect, it } from "vitest";
import { auditRegions } from "@/lib/audit";
import { auditForStorage, mapLimited } from "@/lib/schedule/audit-adapter";
import { sandboxPerFile } from "@/lib/testing/int-harness";

const h = sandboxPerFile();

describe("auditForStorage", () => {
  it("stores what the live audit says, per target with its identity, and counts AWS errors by operation", async () => {
    const stored = await auditForStorage(h.settings, ["us-east-1", "eu-west-1"], { concurrency: 1 });
    const live = (await auditRegions(h.settings, ["us-east-1", "eu-west-1"])).flatMap((a) => a.clusters);
    expect(stored.verdicts.length).toBeGreaterThan(5);
    expect(stored.verdicts.map((v) => `${v.region}/${v.targetId}:${v.verdict}`).sort()).toEqual(
      live.map((c) => `${c.ref.region}/${c.ref.id}:${c.verdict}`).sort(),
    );
    expect(new Set(stored.verdicts.map((v) => v.accountId))).toEqual(new Set(["123456789012"]));
    expect(stored.verdicts.every((v) => v.findings.every((f) => f.severity !== "pass"))).toBe(true);
    expect(stored).toMatchObject({ awsErrors: {}, failedRegions: [] });

    h.sandbox.control.addFault({ operation: "DescribeSecurityGroups", kind: "access-denied" });
    try {
      const faulty = await auditForStorage(h.settings, ["us-east-1"]);
      expect(faulty.awsErrors.DescribeSecurityGroups).toBeGreaterThan(0);
    } finally {
      h.sandbox.control.clearFaults();
    }
  }, 60_000);
});

it("mapLimited never runs more than the limit at once and keeps the input order", async () => {
  let active = 0;
  let peak = 0;
  const out = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
    peak = Math.max(peak, ++active);
    await new Promise((r) => setTimeout(r, n * 5));
    active--;
    return n * 10;
  });
  expect(out).toEqual([50, 10, 40, 20, 30]);
  expect(peak).toBe(2);
});
