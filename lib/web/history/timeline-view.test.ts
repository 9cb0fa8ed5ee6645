import { describe, expect, it } from "vitest";
import { formatUtc, timelineOf } from "./timeline-view";
import type { TargetEventRow } from "@/lib/adapters/db/target-events";

const eviction = {
  ruleId: "eviction-policy",
  severity: "fail",
  title: "Default parameter group default.redis7 attached: maxmemory-policy is volatile-lru",
};
const base = {
  accountId: "123456789012",
  region: "us-east-1",
  kind: "replication-group",
  targetId: "secure-redis7",
  auditId: "a",
  since: null,
  causeCheckedAt: null,
};
const rows: TargetEventRow[] = [
  {
    ...base,
    id: "e1",
    event: "first-seen",
    verdictBefore: null,
    verdictAfter: "ready",
    findings: [],
    changedRules: [],
    at: new Date("2026-01-15T12:00:00Z"),
    cause: [],
  },
  {
    ...base,
    id: "e2",
    event: "regressed",
    verdictBefore: "ready",
    verdictAfter: "needs-changes",
    findings: [eviction],
    changedRules: ["eviction-policy"],
    at: new Date("2026-01-15T14:05:00Z"),
    cause: [
      {
        at: "2026-01-15T14:02:11.000Z",
        sourceType: "replication-group",
        sourceId: "secure-redis7",
        message: "Modified replication group",
      },
    ],
  },
  {
    ...base,
    id: "e3",
    event: "resolved",
    verdictBefore: "needs-changes",
    verdictAfter: "ready",
    findings: [],
    changedRules: ["eviction-policy"],
    at: new Date("2026-01-15T15:00:00Z"),
    cause: null,
  },
];

describe("timelineOf", () => {
  it("lists newest first, naming the rule that changed (by the finding's title) and the cause", () => {
    const [resolved, regressed, first] = timelineOf(rows);
    expect(regressed).toMatchObject({
      headline: "Stopped being ready",
      changes: [`eviction-policy now fails: ${eviction.title}`],
      cause: "Modified replication group (replication-group secure-redis7) at 14:02 UTC",
    });
    // The resolved row has no failing finding left: the title comes from the event before it.
    expect(resolved).toMatchObject({
      headline: "Became ready",
      changes: [`eviction-policy passes now: ${eviction.title}`],
      cause: null,
    });
    expect(first).toMatchObject({ headline: "First seen, ready", changes: [], cause: "" });
    // A first sighting nobody looked up has no cause line; a change not yet looked up says so.
    expect(timelineOf([{ ...rows[0]!, cause: null }])[0]!.cause).toBeUndefined();
    expect(formatUtc(regressed!.at)).toBe("2026-01-15 14:05 UTC");
  });
});
