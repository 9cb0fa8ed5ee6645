import { describe, expect, it } from "vitest";
import { resolveTarget } from "@/lib/core/plan/target";
import { auditTarget } from "@/lib/core/readiness/audit";
import {
  ACCOUNT_ID,
  makeParameters,
  makeSecurityGroup,
  makeSubnetGroup,
  makeVpc,
  seedSnapshot,
  SnapshotBuilder,
} from "@/tools/testing/fixtures";
import type { TargetRef } from "@/lib/core/identity/identity";
import { readPolicy } from "./parameters";
import type { RegionSnapshot } from "./snapshot";
import { viewTarget } from "./target-view";

const ref = (id: string, kind: TargetRef["kind"] = "replication-group"): TargetRef => ({
  accountId: ACCOUNT_ID,
  region: "us-east-1",
  kind,
  id,
});

/** A group whose second member was upgraded first (7.1.0) and whose first still runs 7.0.7. */
function halfUpgraded(): RegionSnapshot {
  const snap = new SnapshotBuilder()
    .vpc(makeVpc("vpc-1", "10.0.0.0/16"))
    .subnetGroup(makeSubnetGroup("net", "vpc-1", ["subnet-a"]))
    .securityGroup(makeSecurityGroup("sg-1", "cache", "vpc-1"))
    .parameterGroup("custom", "redis7", { policy: null })
    .replicationGroup({
      id: "q",
      parameterGroup: "custom",
      subnetGroup: "net",
      port: 6380,
      securityGroupIds: ["sg-1"],
    })
    .build();
  if (!snap.cacheClusters.ok) throw new Error("fixture");
  const [first, second] = snap.cacheClusters.value;
  first!.engineVersion = "7.1.0";
  second!.engineVersion = "7.0.7";
  return snap;
}

describe("the one target view: each disagreement of the three old joins decided once", () => {
  it("takes the lowest member version, and the planner and the status row show that same version", () => {
    const snap = halfUpgraded();
    expect(viewTarget(snap, ref("q"))?.engineVersion).toBe("7.0.7");
    const planned = resolveTarget(snap, { region: "us-east-1", kind: "replication-group", id: "q" });
    expect(planned.ok && planned.target.engineVersion).toBe("7.0.7");
    expect(auditTarget(snap, ref("q"))?.engineVersion).toBe("7.0.7");
  });

  it("finds members named by the group even when their ReplicationGroupId lags, in id order", () => {
    const snap = halfUpgraded();
    if (!snap.cacheClusters.ok) throw new Error("fixture");
    delete snap.cacheClusters.value[1]!.replicationGroupId;
    const t = viewTarget(snap, ref("q"));
    expect(t?.members.ok && t.members.value.map((m) => m.id)).toEqual(["q-001", "q-002"]);
  });

  it("takes the port from an endpoint (6380 here) and leaves it unknown without one, never 6379", () => {
    const snap = halfUpgraded();
    expect(viewTarget(snap, ref("q"))?.port).toBe(6380);
    if (!snap.replicationGroups.ok || !snap.cacheClusters.ok) throw new Error("fixture");
    const g = snap.replicationGroups.value[0]!;
    g.nodeGroups = g.nodeGroups.map((n) => ({ ...n, primaryEndpoint: undefined }));
    for (const c of snap.cacheClusters.value) c.nodes = c.nodes.map((n) => ({ ...n, endpoint: undefined }));
    expect(viewTarget({ ...snap }, ref("q"))?.port).toBeUndefined();
  });

  it("gives a serverless cache the VPC of its security groups, for the audit and the status row alike", () => {
    const snap = seedSnapshot("us-east-1");
    const t = viewTarget(snap, ref("serverless-queue", "serverless"));
    expect(t?.vpcId).toBe("vpc-0prod00000000001");
    expect(auditTarget(snap, ref("serverless-queue", "serverless"))?.vpcId).toBe(t?.vpcId);
  });

  it("reads a custom group without a maxmemory-policy row as the family default, marked as assumed", () => {
    const snap = halfUpgraded();
    expect(readPolicy(snap, "custom")).toEqual({
      ok: true,
      value: { value: "volatile-lru", reported: false },
    });
    snap.parameters.custom = { ok: true, value: makeParameters({ policy: "noeviction" }) };
    expect(readPolicy(snap, "custom")).toMatchObject({
      ok: true,
      value: { value: "noeviction", reported: true },
    });
  });

  it("answers nothing for another account or region than the snapshot's", () => {
    const snap = halfUpgraded();
    expect(viewTarget(snap, ref("q"))).toBeDefined();
    expect(viewTarget(snap, { ...ref("q"), accountId: "210987654321" })).toBeUndefined();
    expect(viewTarget(snap, { ...ref("q"), region: "eu-west-1" })).toBeUndefined();
  });
});
