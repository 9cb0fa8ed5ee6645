import { describe, expect, it } from "vitest";
import { computePlan } from "./compute-plan";
import { diffFingerprintInputs } from "./fingerprint";
import { recommendedChoices } from "@/tools/testing/plan-helpers";
import { makeParameterGroup, makeParameters, seedUsEast1 } from "@/tools/testing/fixtures";

const snap = seedUsEast1();
const choices = recommendedChoices(snap, "events-cluster");
const base = computePlan(snap, choices);

function mutate(change: (s: ReturnType<typeof seedUsEast1>) => void) {
  const next = structuredClone(snap);
  change(next);
  return computePlan(next, choices);
}
const clusters = (s: ReturnType<typeof seedUsEast1>) => (s.cacheClusters.ok ? s.cacheClusters.value : []);

describe("plan fingerprint", () => {
  it("is stable: same state, same hash, whatever the order AWS lists things in", () => {
    expect(base.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const reordered = mutate((s) => {
      if (s.cacheClusters.ok) s.cacheClusters.value.reverse();
      if (s.securityGroups.ok) s.securityGroups.value.reverse();
    });
    expect(reordered.fingerprint).toBe(base.fingerprint);
    expect(diffFingerprintInputs(base.facts, reordered.facts)).toEqual([]);
  });

  it("ignores clusters the plan does not depend on", () => {
    const other = mutate((s) => {
      for (const c of clusters(s)) if (c.replicationGroupId === "jobs-valkey8") c.status = "snapshotting";
    });
    expect(other.fingerprint).toBe(base.fingerprint);
  });

  it("moves when a member's parameter group changes, and says so", () => {
    const moved = mutate((s) => {
      const m = clusters(s).find((c) => c.id === "events-cluster-0001-001")!;
      m.parameterGroup = { name: "default.redis7.cluster.on", applyStatus: "applying", nodeIdsToReboot: [] };
    });
    expect(moved.fingerprint).not.toBe(base.fingerprint);
    expect(diffFingerprintInputs(base.facts, moved.facts)).toEqual([
      "Parameter group of events-cluster-0001-001: now default.redis7.cluster.on (applying), was default.redis7.cluster.on (in-sync).",
    ]);
  });

  it("moves when someone adds a rule on the port, or creates the group the plan would create", () => {
    const ruled = mutate((s) => {
      const g = s.securityGroups.ok
        ? s.securityGroups.value.find((x) => x.id === "sg-0cache00000000003")!
        : undefined;
      g!.ingress.push({
        protocol: "tcp",
        fromPort: 6379,
        toPort: 6379,
        source: { kind: "cidr", cidr: "10.0.0.0/16" },
      });
    });
    expect(diffFingerprintInputs(base.facts, ruled.facts)).toEqual([
      "Inbound rules of sg-0cache00000000003 on port 6379: now tcp 6379 from 10.0.0.0/16, was none.",
    ]);
    const next = structuredClone(snap);
    if (next.parameterGroups.ok)
      next.parameterGroups.value.push(makeParameterGroup("bullmq-redis7-cluster-noeviction", "redis7"));
    next.parameters["bullmq-redis7-cluster-noeviction"] = {
      ok: true,
      value: makeParameters({ policy: "noeviction", clusterEnabled: true }),
    };
    // The name is taken now, so the same choices no longer pass; the facts still say why.
    expect(() => computePlan(next, choices)).toThrow(
      "A parameter group named bullmq-redis7-cluster-noeviction already exists",
    );
  });

  it("moves when the cluster's status changes", () => {
    const busy = mutate((s) => {
      if (s.replicationGroups.ok)
        s.replicationGroups.value.find((g) => g.id === "events-cluster")!.status = "modifying";
    });
    expect(diffFingerprintInputs(base.facts, busy.facts)).toEqual([
      "Status of events-cluster: now modifying, was available.",
    ]);
    expect(busy.blockers).toHaveLength(1);
  });
});
