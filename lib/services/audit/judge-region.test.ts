import { describe, expect, it } from "vitest";
import { auditRegion } from "@/lib/core/readiness";
import { healthyAccount, READY } from "@/tools/testing/readiness-helpers";
import { judgeRegion } from "./judge-region";

function fleet(groups: number) {
  let b = healthyAccount();
  // Names out of order, so the audit's sort by name is what puts them in order.
  for (let i = groups; i >= 1; i--) b = b.replicationGroup({ id: `rg-${i}`, ...READY });
  for (let i = 1; i <= 3; i++) b = b.standalone({ id: `solo-${i}`, ...READY });
  return b.build();
}

describe("judgeRegion", () => {
  it("gives the same audit as auditRegion, whatever the slice size", async () => {
    const snapshot = fleet(25);
    const whole = auditRegion(snapshot);
    expect(whole.clusters).toHaveLength(28);
    for (const perSlice of [1, 7, 28, 100]) expect(await judgeRegion(snapshot, perSlice)).toEqual(whole);
  });

  it("lets the event loop run between slices, not within one", async () => {
    const snapshot = fleet(9); // 12 targets
    const turnsWhileJudging = async (perSlice: number) => {
      let turns = 0;
      let done = false;
      const tick = () => {
        if (done) return;
        turns++;
        setImmediate(tick);
      };
      setImmediate(tick);
      await judgeRegion(snapshot, perSlice);
      done = true;
      return turns;
    };
    expect(await turnsWhileJudging(4)).toBe(2);
    expect(await turnsWhileJudging(12)).toBe(0);
  });
});
