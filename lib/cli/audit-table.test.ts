import { describe, expect, it } from "vitest";
import { auditRegion } from "@/lib/core/readiness";
import { seedSnapshot } from "@/tools/testing/fixtures";
import { alignColumns, renderAuditTable } from "./audit-table";

describe("renderAuditTable", () => {
  it("aligns columns to the widest cell and leaves the last one ragged", () => {
    expect(
      alignColumns([
        ["A", "BB", "x"],
        ["CCC", "D", "longer tail"],
      ]),
    ).toBe("A    BB  x\nCCC  D   longer tail");
  });

  it("prints one row per cluster, the top finding and a summary", () => {
    const lines = renderAuditTable([auditRegion(seedSnapshot("eu-west-1"))]).split("\n");
    expect(lines).toEqual([
      "VERDICT        NAME             ENGINE        REGION     GROUP / POLICY                      TOP FINDING",
      "Ready          eu-jobs-valkey7  valkey 7.2.6  eu-west-1  eu-valkey7-noeviction / noeviction",
      "Needs changes  eu-orders        redis 7.1.0   eu-west-1  default.redis7 / volatile-lru       fail: Default parameter group default.redis7 attached: maxmemory-policy is volatile-lru",
      "Incompatible   eu-serverless    redis 7       eu-west-1  (serverless)                        fail: Serverless redis 7: incompatible with BullMQ",
      "",
      "3 clusters in eu-west-1 (account 123456789012): 1 Ready, 1 Needs changes, 1 Incompatible.",
      "",
    ]);
  });

  it("lists the region's problems under the table", () => {
    const audit = {
      ...auditRegion(seedSnapshot("eu-west-1")),
      problems: [
        { code: "throttled" as const, message: "AWS throttled DescribeSecurityGroups.", retryable: true },
      ],
    };
    expect(renderAuditTable([audit]).trimEnd().split("\n").at(-1)).toBe(
      "! eu-west-1: AWS throttled DescribeSecurityGroups.",
    );
  });

  it("shows Memcached's group without a maxmemory-policy", () => {
    const line = renderAuditTable([auditRegion(seedSnapshot("us-east-1"))])
      .split("\n")
      .find((l) => l.includes("sessions-memcached"));
    expect(line).toMatch(/\sdefault\.memcached1\.6\s+info: Memcached/);
    expect(line).not.toMatch(/lru|n\/a/);
  });
});
