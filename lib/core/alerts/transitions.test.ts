import { describe, expect, it } from "vitest";
import { transitionOf, type VerdictSnapshot } from "./transitions";

const eviction = { ruleId: "eviction-policy", severity: "fail", title: "maxmemory-policy is volatile-lru" };
const version = { ruleId: "engine-version", severity: "fail", title: "Redis 5.0.6 is below 6.2" };
const warnTls = { ruleId: "tls-client", severity: "warn", title: "TLS needs a client option" };
const unknownNet = { ruleId: "network-ingress", severity: "unknown", title: "Could not read the rules" };

const ready: VerdictSnapshot = { verdict: "ready", findings: [] };
const notReady = (...findings: VerdictSnapshot["findings"]): VerdictSnapshot => ({
  verdict: "needs-changes",
  findings,
});

describe("transitionOf", () => {
  it("says first-seen for a new ready target and new for a new target that is not ready", () => {
    expect(transitionOf(undefined, ready)).toMatchObject({ event: "first-seen", verdictBefore: null });
    expect(transitionOf(undefined, notReady(eviction))).toEqual({
      event: "new",
      verdictBefore: null,
      verdictAfter: "needs-changes",
      findings: [eviction],
      changedRules: ["eviction-policy"],
    });
  });

  it("says regressed when a ready target stops being ready, naming the rule that now fails", () => {
    expect(transitionOf(ready, notReady(eviction))).toMatchObject({
      event: "regressed",
      verdictBefore: "ready",
      verdictAfter: "needs-changes",
      changedRules: ["eviction-policy"],
    });
  });

  it("says resolved when it becomes ready again, naming the rule that stopped failing", () => {
    expect(transitionOf(notReady(eviction), ready)).toMatchObject({
      event: "resolved",
      verdictBefore: "needs-changes",
      changedRules: ["eviction-policy"],
    });
  });

  it("records nothing while nothing changes, and ignores warnings and undecided rules", () => {
    expect(transitionOf(ready, ready)).toBeNull();
    expect(transitionOf(notReady(eviction), notReady(eviction))).toBeNull();
    expect(transitionOf(notReady(eviction), notReady(eviction, warnTls, unknownNet))).toBeNull();
    expect(transitionOf(ready, { verdict: "ready", findings: [warnTls] })).toBeNull();
  });

  it("says changed for the same verdict with different failing rules, or another not-ready verdict", () => {
    expect(transitionOf(notReady(eviction), notReady(eviction, version))).toMatchObject({
      event: "changed",
      changedRules: ["engine-version"],
    });
    expect(transitionOf(notReady(eviction), { verdict: "incompatible", findings: [eviction] })).toMatchObject(
      { event: "changed", verdictBefore: "needs-changes", verdictAfter: "incompatible" },
    );
  });

  it("records nothing for Unknown: a read error neither raises nor clears an alert", () => {
    const unknown = { verdict: "unknown", findings: [unknownNet] };
    expect(transitionOf(undefined, unknown)).toBeNull();
    expect(transitionOf(ready, unknown)).toBeNull();
    expect(transitionOf(notReady(eviction), unknown)).toBeNull();
  });

  it("counts not-applicable as ready: a memcached cluster never alerts as new or regressed", () => {
    const na = { verdict: "not-applicable", findings: [] };
    expect(transitionOf(undefined, na)).toMatchObject({ event: "first-seen" });
    expect(transitionOf(ready, na)).toMatchObject({ event: "changed", changedRules: [] });
    expect(transitionOf(na, notReady(eviction))).toMatchObject({ event: "regressed" });
    expect(transitionOf(notReady(eviction), na)).toMatchObject({ event: "resolved" });
  });
});
