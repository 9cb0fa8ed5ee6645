import { describe, expect, it } from "vitest";
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import { computePlan } from "./compute-plan";
import { suggestions, type SuggestionOptions } from "./suggestions";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { recommendedChoices, targetOf, withAttachedGroup } from "@/tools/testing/plan-helpers";

const recommendedGroup = (snap: RegionSnapshot, id: string, opts?: SuggestionOptions) => {
  const s = suggestions(snap, targetOf(id), opts);
  if (!s.ok) throw new Error(s.message);
  return s.value.parameterGroup.recommended;
};

/** Sets a value by hand on a group, as `modify-cache-parameter-group` would. */
function withUserValue(snap: RegionSnapshot, group: string, name: string, value: string): RegionSnapshot {
  const next = structuredClone(snap);
  const read = next.parameters[group];
  if (!read?.ok) throw new Error(`${group} has no parameters`);
  read.value.push({ name, value, source: "user", changeType: "immediate", isModifiable: true });
  return next;
}

describe("one QueueReady parameter group per family, reused across targets (parameter groups are a quota)", () => {
  const applied = withAttachedGroup(seedUsEast1(), "orders-redis7", "bullmq-redis7-noeviction", "redis7");

  it("a second redis7 cluster is attached to the group the first one got, not to a -2 copy", () => {
    expect(recommendedGroup(applied, "standalone-redis")).toEqual({
      mode: "reuse",
      name: "bullmq-redis7-noeviction",
    });
    const plan = computePlan(applied, recommendedChoices(applied, "standalone-redis"));
    expect(plan.steps.map((s) => s.kind)).not.toContain("create-parameter-group");
    const attach = plan.steps.find((s) => s.kind === "modify-cache-cluster");
    expect(attach?.input).toMatchObject({ cacheParameterGroupName: "bullmq-redis7-noeviction" });
  });

  it("a cluster-mode cluster never gets the group without cluster-enabled=yes", () => {
    expect(recommendedGroup(applied, "events-cluster")).toEqual({
      mode: "create",
      name: "bullmq-redis7-cluster-noeviction",
    });
  });

  it("the issue's own spelling, bullmq-<family>, counts as ours too", () => {
    const snap = withAttachedGroup(seedUsEast1(), "orders-redis7", "bullmq-redis7", "redis7");
    expect(recommendedGroup(snap, "standalone-redis")).toEqual({ mode: "reuse", name: "bullmq-redis7" });
  });

  describe("only where the values carried over agree (attaching resets what the group does not hold)", () => {
    const shared = withAttachedGroup(
      seedUsEast1(),
      "cache-redis62",
      "bullmq-redis6-x-noeviction",
      "redis6.x",
    );

    it("sessions-redis62's group holds nothing by hand: the family's group is reused", () => {
      expect(recommendedGroup(shared, "sessions-redis62")).toEqual({
        mode: "reuse",
        name: "bullmq-redis6-x-noeviction",
      });
    });

    it("timeout=300 set on its group: a new copy carries it, the family's group would reset it", () => {
      const snap = withUserValue(shared, "shared-lru-redis6", "timeout", "300");
      expect(recommendedGroup(snap, "sessions-redis62")).toEqual({
        mode: "create",
        name: "bullmq-redis6-x-noeviction-2",
      });
    });

    it("a copy that holds the same timeout=300 is reused instead of a third", () => {
      const withCopy = withAttachedGroup(
        withUserValue(shared, "shared-lru-redis6", "timeout", "300"),
        "busy-redis7",
        "bullmq-redis6-x-noeviction-2",
        "redis6.x",
      );
      const snap = withUserValue(withCopy, "bullmq-redis6-x-noeviction-2", "timeout", "300");
      expect(recommendedGroup(snap, "sessions-redis62")).toEqual({
        mode: "reuse",
        name: "bullmq-redis6-x-noeviction-2",
      });
    });

    it("a group holding a value the target's group lacks is not reused (it would change the target)", () => {
      const snap = withUserValue(shared, "bullmq-redis6-x-noeviction", "timeout", "60");
      expect(recommendedGroup(snap, "sessions-redis62")).toMatchObject({ mode: "create" });
    });
  });
});

describe("repairing drift re-attaches the group the cluster had", () => {
  // orders-redis7 drifted back to default.redis7 (a template re-applied); its old group now serves busy-redis7.
  const drifted = withAttachedGroup(
    withAttachedGroup(seedUsEast1(), "busy-redis7", "orders-noeviction", "redis7"),
    "standalone-redis",
    "bullmq-redis7-noeviction",
    "redis7",
  );

  it("the previous group is re-attached, even though the family's group exists", () => {
    expect(recommendedGroup(drifted, "orders-redis7", { previousGroup: "orders-noeviction" })).toEqual({
      mode: "reuse",
      name: "orders-noeviction",
    });
    const s = suggestions(drifted, targetOf("orders-redis7"), { previousGroup: "orders-noeviction" });
    expect(s.ok && s.value.parameterGroup.why).toMatch(/attached to orders-redis7 before it changed/);
    expect(recommendedGroup(drifted, "orders-redis7")).toEqual({
      mode: "reuse",
      name: "bullmq-redis7-noeviction",
    });
  });

  it("a previous group that lost noeviction is not re-attached blindly", () => {
    const snap = structuredClone(drifted);
    const read = snap.parameters["orders-noeviction"];
    if (!read?.ok) throw new Error("no parameters");
    read.value = read.value.map((p) => (p.name === "maxmemory-policy" ? { ...p, value: "allkeys-lru" } : p));
    expect(recommendedGroup(snap, "orders-redis7", { previousGroup: "orders-noeviction" })).toEqual({
      mode: "reuse",
      name: "bullmq-redis7-noeviction",
    });
  });
});
