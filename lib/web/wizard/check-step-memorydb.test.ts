import { describe, expect, it } from "vitest";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { readParams } from "./params";
import { computePlan } from "@/lib/core/plan";
import { checkStep } from "./check-step";
import { choicesOf } from "./choices";

const lru = { region: "us-east-1", kind: "memorydb-cluster", id: "prod-memdb-lru" };
// The rule that already lets orders-api into cache-prod on 6379, the port of the seeded MemoryDB clusters.
const reuseRule = {
  sg: "existing",
  sgId: "sg-0cache00000000001",
  src: "security-group",
  srcGroup: "sg-0app000000000001",
};
const base = { ...lru, ...reuseRule };

describe("checkStep for a MemoryDB cluster (prod-memdb-lru on the seed)", () => {
  it("takes step 1's radio value for a MemoryDB cluster", () => {
    expect(readParams({ cluster: "memorydb-cluster/prod-memdb-lru" })).toMatchObject({
      kind: "memorydb-cluster",
      id: "prod-memdb-lru",
    });
  });

  it("accepts the cluster, says a ready one is ready, and names a missing one", () => {
    const s = seedUsEast1();
    expect(checkStep("target", lru, s)).toEqual({ ok: true, warnings: [] });
    expect(checkStep("target", { ...lru, id: "prod-memdb-default" }, s)).toEqual({
      ok: true,
      warnings: ["prod-memdb-default is already ready for BullMQ: nothing needs to change."],
    });
    expect(checkStep("target", { ...lru, id: "nope" }, s)).toEqual({
      ok: false,
      fieldErrors: { id: ["No MemoryDB cluster named nope in us-east-1."] },
    });
  });

  it("checks the network answer against the MemoryDB cluster's own security groups and VPC", () => {
    const s = seedUsEast1();
    expect(checkStep("network", base, s)).toEqual({ ok: true, warnings: [] });
    expect(checkStep("network", { ...base, srcGroup: "sg-0stagapp00000001" }, s)).toEqual({
      ok: false,
      fieldErrors: {
        srcGroup: [
          "staging-app (sg-0stagapp00000001) is in vpc-0stag00000000002, not in the cluster's VPC vpc-0prod00000000001.",
        ],
      },
    });
  });

  it("checks the parameter group by MemoryDB's rules: a new group or a noeviction one of its family, never an edit in place", () => {
    const s = seedUsEast1();
    expect(
      checkStep("parameter-group", { ...base, pg: "create", pgName: "bullmq-memorydb-redis7-noeviction" }, s),
    ).toEqual({ ok: true, warnings: [] });
    expect(checkStep("parameter-group", { ...base, pg: "reuse", pgName: "prod-memdb-lru" }, s)).toEqual({
      ok: false,
      fieldErrors: { pgName: ["prod-memdb-lru has maxmemory-policy=volatile-lru: reuse needs noeviction."] },
    });
    expect(checkStep("parameter-group", { ...base, pg: "edit-shared", pgName: "prod-memdb-lru" }, s)).toEqual(
      {
        ok: false,
        fieldErrors: { pg: ["A MemoryDB cluster gets a new group of its own, or reuses one."] },
      },
    );
  });

  it("computes the MemoryDB plan at step 4: no memory alarm, whatever the alarm answer says", () => {
    const all = { ...base, pg: "create", pgName: "bullmq-memorydb-redis7-noeviction", alarm: "put" };
    const s = seedUsEast1();
    expect(checkStep("modification", all, s)).toEqual({ ok: true, warnings: [] });
    const choices = choicesOf(all);
    if (!choices.ok) throw new Error("choices");
    expect(choices.value.alarm).toMatchObject({ mode: "put" });
    expect(computePlan(s, choices.value).steps.map((step) => step.kind)).toEqual([
      "authorize-ingress",
      "create-memorydb-parameter-group",
      "update-memorydb-parameter-group",
      "update-memorydb-cluster",
    ]);
  });
});
