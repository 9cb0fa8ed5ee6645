import { describe, expect, it } from "vitest";
import { accessDenied, SnapshotBuilder } from "@/tools/testing/fixtures";
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import { targetOptions } from "./target-options";

/** A region whose group list lacks `new-rg` while DescribeCacheClusters already shows its members. */
function groupSeenOnlyThroughMembers(): RegionSnapshot {
  const snap = new SnapshotBuilder("us-east-1")
    .replicationGroup({ id: "kept-rg", parameterGroup: "default.redis7" })
    .replicationGroup({ id: "new-rg", parameterGroup: "default.redis7" })
    .build();
  if (!snap.replicationGroups.ok) throw new Error("fixture");
  snap.replicationGroups.value = snap.replicationGroups.value.filter((g) => g.id !== "new-rg");
  return snap;
}

describe("step 1's list", () => {
  it("shows a replication group seen only through its members, not selectable, saying why", () => {
    const options = targetOptions(groupSeenOnlyThroughMembers());
    expect(options.clusters.map((c) => [c.kind, c.id])).toEqual([
      ["replication-group", "kept-rg"],
      ["replication-group", "new-rg"],
    ]);
    const row = options.clusters.find((c) => c.id === "new-rg")!;
    expect(row.selectable).toBe(false);
    expect(row.reason).toMatch(/DescribeReplicationGroups did not list new-rg/);
  });

  it("shows the groups the members name when the group list could not be read, with that failure", () => {
    const snap = new SnapshotBuilder("us-east-1")
      .replicationGroup({ id: "only-rg", parameterGroup: "default.redis7" })
      .failRead("replicationGroups", accessDenied("DescribeReplicationGroups", "elasticache"))
      .build();
    const options = targetOptions(snap);
    expect(options.clusters.map((c) => [c.id, c.selectable])).toEqual([["only-rg", false]]);
    expect(options.problems).toHaveLength(1);
    expect(options.clusters[0]!.reason).toBe(options.problems[0]);
  });
});
