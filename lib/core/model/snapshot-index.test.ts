import { describe, expect, it } from "vitest";
import type { RegionSnapshot } from "./snapshot";
import { accessDenied, makeSecurityGroup, seedSnapshot, SnapshotBuilder } from "@/tools/testing/fixtures";
import { groupUsers } from "@/lib/core/readiness/parameter-groups";
import { indexSnapshot } from "./snapshot-index";
import { listTargets } from "./list-targets";
import { viewTarget } from "./target-view";

function account(): SnapshotBuilder {
  return new SnapshotBuilder("us-east-1")
    .parameterGroup("g", "redis7", { policy: "allkeys-lru" })
    .replicationGroup({ id: "b-rg", parameterGroup: "g", securityGroupIds: ["sg-1"], subnetGroup: "net" })
    .replicationGroup({ id: "a-rg", parameterGroup: "default.redis7", shards: 2, nodesPerShard: 2 })
    .standalone({ id: "solo", parameterGroup: "g" })
    .standalone({ id: "mc", engine: "memcached", parameterGroup: "default.memcached1.6" })
    .serverlessCache("sv", { securityGroupIds: ["sg-1"] })
    .securityGroup(makeSecurityGroup("sg-1", "cache", "vpc-1"), makeSecurityGroup("sg-2", "other", "vpc-1"));
}

describe("indexSnapshot", () => {
  it("indexes members by group in list order, standalone clusters, serverless caches and groups by id", () => {
    const snap = account().build();
    const index = indexSnapshot(snap);
    expect([...index.members].map(([id, m]) => [id, m.map((c) => c.id)])).toEqual([
      ["b-rg", ["b-rg-001", "b-rg-002"]],
      ["a-rg", ["a-rg-0001-001", "a-rg-0001-002", "a-rg-0002-001", "a-rg-0002-002"]],
    ]);
    expect([...index.standalone.keys()]).toEqual(["solo", "mc"]);
    expect([...index.replicationGroups.keys()]).toEqual(["b-rg", "a-rg"]);
    expect([...index.serverless.keys()]).toEqual(["sv"]);
    expect(index.securityGroups.get("sg-2")?.name).toBe("other");
    expect(index.parameterGroups.get("g")?.family).toBe("redis7");
  });

  it("lists each parameter group's users once, sorted, standalone and Memcached clusters included", () => {
    const index = indexSnapshot(account().build());
    expect(Object.fromEntries(index.parameterGroupUsers)).toEqual({
      g: ["b-rg", "solo"],
      "default.redis7": ["a-rg"],
      "default.memcached1.6": ["mc"],
    });
  });

  it("is built once per snapshot object, and a failed read indexes as empty", () => {
    const snap = account().build();
    expect(indexSnapshot(snap)).toBe(indexSnapshot(snap));
    expect(indexSnapshot(account().build())).not.toBe(indexSnapshot(snap));
    const failed = indexSnapshot(
      account().failRead("cacheClusters", accessDenied("DescribeCacheClusters", "elasticache")).build(),
    );
    expect([
      failed.members.size,
      failed.standalone.size,
      failed.parameterGroupUsers.size,
      failed.replicationGroups.size,
    ]).toEqual([0, 0, 0, 2]);
  });

  it("keeps the first entry when a list repeats an id, as a scan would", () => {
    const snap = account()
      .securityGroup(makeSecurityGroup("sg-1", "duplicate", "vpc-9"))
      .build();
    expect(indexSnapshot(snap).securityGroups.get("sg-1")?.name).toBe("cache");
  });
});

/** The joins as plain scans: what resolveTarget and groupUsers answered before the index. */
function scanned(snap: RegionSnapshot) {
  const clusters = snap.cacheClusters.ok ? snap.cacheClusters.value : [];
  const usersOf = (name: string) =>
    [
      ...new Set(
        clusters.filter((c) => c.parameterGroup?.name === name).map((c) => c.replicationGroupId ?? c.id),
      ),
    ].sort();
  return listTargets(snap).map((ref) => {
    const members =
      ref.kind === "replication-group"
        ? clusters.filter((c) => c.replicationGroupId === ref.id)
        : ref.kind === "cache-cluster"
          ? clusters.filter((c) => c.id === ref.id && !c.replicationGroupId).slice(0, 1)
          : [];
    const names = [...new Set(members.flatMap((m) => (m.parameterGroup ? [m.parameterGroup.name] : [])))];
    return { ref, members, names, users: names.map(usersOf) };
  });
}

describe("the indexed joins answer what the scans did", () => {
  it.each(["us-east-1", "eu-west-1"] as const)("on the seeded %s snapshot, for every target", (region) => {
    const snap = seedSnapshot(region);
    const expected = scanned(snap);
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.some((e) => e.users.some((u) => u.length > 1))).toBe(region === "us-east-1");
    for (const { ref, members, names, users } of expected) {
      const t = viewTarget(snap, ref)!;
      expect(t.members.ok && t.members.value).toEqual(members);
      expect(names.map((name) => groupUsers(snap, name))).toEqual(users);
    }
  });
});
