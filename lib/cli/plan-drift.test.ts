import { describe, expect, it } from "vitest";
import { computePlan } from "@/lib/core/plan";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { recommendedChoices } from "@/tools/testing/plan-helpers";
import { sameSteps, unexplainedMoves } from "./plan-drift";

const fact = (key: string, value: string) => ({ key, label: key, value });

describe("facts moved between a plan file and now", () => {
  const before = [
    fact("pg.default.redis7.users", "busy-redis7, orders-redis7, standalone-redis"),
    fact("target.status", "available"),
  ];

  it("accounts for a cluster this run already applied leaving a shared group", () => {
    const after = [fact("pg.default.redis7.users", "busy-redis7, standalone-redis"), before[1]!];
    expect(unexplainedMoves(before, after, new Set(["orders-redis7"]))).toEqual([]);
  });

  it("names any other move: another cluster, or a fact that is not a user list", () => {
    const after = [
      fact("pg.default.redis7.users", "busy-redis7, standalone-redis"),
      fact("target.status", "modifying"),
    ];
    expect(unexplainedMoves(before, after, new Set())).toEqual([
      "pg.default.redis7.users: now busy-redis7, standalone-redis, was busy-redis7, orders-redis7, standalone-redis.",
      "target.status: now modifying, was available.",
    ]);
    expect(unexplainedMoves(before, after, new Set(["orders-redis7"]))).toEqual([
      "target.status: now modifying, was available.",
    ]);
  });

  it("compares steps by what they send, not by key order", () => {
    const snap = seedUsEast1();
    const plan = computePlan(snap, recommendedChoices(snap, "orders-redis7"));
    const reordered = JSON.parse(JSON.stringify(plan.steps), (_k, v) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(sameSteps(plan.steps, reordered)).toBe(true);
    const other = computePlan(snap, {
      ...plan.choices,
      parameterGroup: { mode: "create", name: "bullmq-other" },
    });
    expect(sameSteps(plan.steps, other.steps)).toBe(false);
  });
});
