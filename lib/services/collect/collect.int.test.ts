import { describe, expect, it } from "vitest";
import { auditTarget } from "@/lib/core/readiness/audit";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { collect } from "./collect";
import type { TargetRef } from "@/lib/core/identity/identity";
import { listTargets } from "@/lib/core/model/list-targets";
import { viewTarget } from "@/lib/core/model/target-view";

const h = sandboxPerFile();

describe("collect: a whole region, or one target and what it references", () => {
  it("reads orders-redis7 alone: its group, subnet group, VPC, VPC's security groups and family's groups", async () => {
    const { access, requests } = h.context("us-east-1");
    const target: TargetRef = { ...access.scope, kind: "replication-group", id: "orders-redis7" };
    const snap = await collect(access, { target, reuseCandidates: true });
    expect(snap.coverage).toBe("target");
    expect(snap.scope).toEqual({ accountId: "123456789012", region: "us-east-1" });
    const view = viewTarget(snap, target)!;
    expect(view.vpcId).toBe("vpc-0prod00000000001");
    // Only custom groups of the target's family are read, never a default group, never another family's.
    const families = snap.parameterGroups.ok ? snap.parameterGroups.value : [];
    const read = Object.keys(snap.parameters);
    expect(read.length).toBeGreaterThan(0);
    for (const name of read) {
      expect(name.startsWith("default.")).toBe(false);
      expect(families.find((g) => g.name === name)?.family).toBe(view.family);
    }
    expect(snap.securityGroups.ok && snap.securityGroups.value.every((g) => g.vpcId === view.vpcId)).toBe(
      true,
    );
    expect(snap.vpcs.ok && snap.vpcs.value.map((v) => v.id)).toEqual([view.vpcId]);
    // A group has more than 100 parameters: each read pages.
    const { DescribeCacheParameters: parameterPages, ...lists } = requests;
    expect(parameterPages).toBe(2 * read.length);
    expect(lists).toEqual({
      DescribeReplicationGroups: 1,
      DescribeCacheClusters: 1,
      DescribeCacheParameterGroups: 1,
      DescribeCacheSubnetGroups: 1,
      DescribeVpcs: 1,
      DescribeSecurityGroups: 1,
      // Who owns it: the stacks and each live stack's resources.
      ListStacks: 1,
      ListStackResources: 2,
      // Its alarms (the account-region's, one page) and its members' memory use (one call).
      DescribeAlarms: 1,
      GetMetricData: 1,
    });
    expect(snap.cloudwatch?.alarms.ok && snap.cloudwatch.alarms.value.map((a) => a.name).sort()).toEqual([
      "orders-redis7-memory-late",
      "secure-redis7-memory",
    ]);
    expect(snap.cloudwatch?.memory.ok && snap.cloudwatch.memory.value.map((m) => m.cacheClusterId)).toEqual([
      "orders-redis7-001",
      "orders-redis7-002",
    ]);
  });

  it.each(["us-east-1", "eu-west-1"])(
    "judges every target of %s as the whole-region read does (same facts, findings, verdict)",
    async (region) => {
      const { access } = h.context(region);
      const whole = await collect(access);
      const targets = listTargets(whole);
      expect(targets.length).toBeGreaterThan(2);
      for (const target of targets) {
        const focused = await collect(access, { target });
        // Same facts and verdicts; evidence may name more groups (the focus reads every group of the VPC).
        const judged = (snap: typeof whole | typeof focused) => {
          const a = auditTarget(snap, target);
          return a && { ...a, findings: a.findings.map((f) => `${f.ruleId} ${f.severity}`) };
        };
        expect(judged(focused), target.id).toEqual(judged(whole));
      }
    },
  );

  it("reads no parameters at all for a target on a default group, unless asked for reuse candidates", async () => {
    const { access, requests } = h.context("us-east-1");
    const target: TargetRef = { ...access.scope, kind: "replication-group", id: "orders-redis7" };
    const snap = await collect(access, { target });
    expect(viewTarget(snap, target)?.parameterGroupNames).toEqual(["default.redis7"]);
    expect(snap.parameters).toEqual({});
    expect(requests.DescribeCacheParameters).toBeUndefined();
  });

  it("reads a missing target as absent, not as a failure", async () => {
    const { access } = h.context("us-east-1");
    const target: TargetRef = { ...access.scope, kind: "replication-group", id: "no-such-group" };
    const snap = await collect(access, { target });
    expect(snap.replicationGroups).toEqual({ ok: true, value: [] });
    expect(viewTarget(snap, target)).toBeUndefined();
  });
});
