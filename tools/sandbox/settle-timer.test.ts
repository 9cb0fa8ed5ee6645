import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { ACCOUNT_ID } from "./model/state";
import { buildState } from "./seed/build";
import { SettleTimer } from "./settle-timer";

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

function pendingState() {
  const state = buildState("default");
  const region = state.accounts[ACCOUNT_ID]!.regions["us-east-1"]!;
  const rg = region.replicationGroups.find((g) => g.id === "orders-redis7")!;
  const members = region.cacheClusters.filter((c) => c.replicationGroupId === "orders-redis7");
  rg.status = "modifying";
  rg.settleAt = Date.now() + 500;
  for (const cc of members) {
    cc.status = "modifying";
    cc.paramApplyStatus = "applying";
    cc.settleAt = Date.now() + 500;
  }
  return { state, rg, members };
}

it("settles on its own at the deadline, tells the engines and the persistence, then disarms", () => {
  const { state, rg, members } = pendingState();
  const inSync: string[] = [];
  const onSettled = vi.fn();
  const timer = new SettleTimer({
    state: () => state,
    now: () => Date.now(),
    onInSync: (_region, target) => inSync.push("id" in target ? target.id : target.name),
    onSettled,
  });
  timer.schedule();
  expect(vi.getTimerCount()).toBe(1);
  vi.advanceTimersByTime(499);
  expect(rg.status).toBe("modifying");
  vi.advanceTimersByTime(1);
  expect(rg.status).toBe("available");
  expect(members.map((c) => [c.status, c.paramApplyStatus])).toEqual([
    ["available", "in-sync"],
    ["available", "in-sync"],
  ]);
  expect(inSync.sort()).toEqual(members.map((c) => c.id).sort());
  expect(onSettled).toHaveBeenCalledTimes(1);
  expect(vi.getTimerCount()).toBe(0);
});

it("re-arms for the next deadline, and stop() clears it for good", () => {
  const { state, members } = pendingState();
  members[1]!.settleAt = Date.now() + 2000;
  const timer = new SettleTimer({ state: () => state, now: () => Date.now(), onSettled: () => {} });
  timer.schedule();
  vi.advanceTimersByTime(500);
  expect(members.map((c) => c.paramApplyStatus)).toEqual(["in-sync", "applying"]);
  expect(vi.getTimerCount()).toBe(1);
  timer.stop();
  expect(vi.getTimerCount()).toBe(0);
  timer.schedule();
  expect(vi.getTimerCount()).toBe(0);
  vi.advanceTimersByTime(5000);
  expect(members[1]!.paramApplyStatus).toBe("applying");
});
