import { describe, expect, it } from "vitest";
import { accessDenied, seedUsEast1, SnapshotBuilder } from "@/tools/testing/fixtures";
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

/** The seeded us-east-1 with prod-memdb-lru in `status` (MemoryDB's own words: updating, creating...). */
function memoryDbIn(status: string): RegionSnapshot {
  const snap = seedUsEast1();
  const read = snap.memorydb!.clusters;
  if (!read.ok) throw new Error("seed");
  read.value = read.value.map((c) => (c.name === "prod-memdb-lru" ? { ...c, status } : c));
  return snap;
}

describe("step 1's MemoryDB clusters", () => {
  it("lists each MemoryDB cluster in the VPC of its MemoryDB subnet group, judged like any cluster", () => {
    const options = targetOptions(seedUsEast1());
    const memoryDb = options.clusters.filter((c) => c.kind === "memorydb-cluster");
    expect(memoryDb.map((c) => [c.id, c.vpcId, c.selectable, c.readiness])).toEqual([
      ["prod-memdb-default", "vpc-0prod00000000001", true, "ready"],
      ["prod-memdb-lru", "vpc-0prod00000000001", true, "needs-changes"],
      ["prod-memdb-valkey", "vpc-0prod00000000001", true, "ready"],
    ]);
    expect(memoryDb.find((c) => c.id === "prod-memdb-lru")!.details).toEqual([
      "Custom group prod-memdb-lru has maxmemory-policy volatile-lru",
    ]);
    // The VPC's count takes them in: step 1 lists the VPC for a region of MemoryDB clusters only too.
    const prod = options.vpcs.find((v) => v.id === "vpc-0prod00000000001")!;
    expect(prod.clusterCount).toBe(options.clusters.filter((c) => c.vpcId === "vpc-0prod00000000001").length);
    expect(options.problems).toEqual([]);
  });

  it("offers an updating MemoryDB cluster disabled as busy, and a creating one not at all", () => {
    const updating = targetOptions(memoryDbIn("updating")).clusters.find((c) => c.id === "prod-memdb-lru")!;
    expect(updating).toMatchObject({ selectable: true, busy: true });
    expect(updating.busyReason).toMatch(/prod-memdb-lru is updating: AWS accepts no change/);
    const creating = targetOptions(memoryDbIn("creating")).clusters.find((c) => c.id === "prod-memdb-lru")!;
    expect(creating).toMatchObject({ selectable: false, readiness: "not-applicable" });
    expect(creating.reason).toBe("prod-memdb-lru is creating: AWS cannot modify it in that state.");
  });

  it("says when MemoryDB's clusters could not be read, instead of listing none silently", () => {
    const snap = seedUsEast1();
    snap.memorydb!.clusters = {
      ok: false,
      problem: accessDenied("DescribeClusters", "memorydb"),
    };
    const options = targetOptions(snap);
    expect(options.clusters.some((c) => c.kind === "memorydb-cluster")).toBe(false);
    expect(options.problems).toHaveLength(1);
    expect(options.problems[0]).toMatch(/DescribeClusters/);
  });
});
