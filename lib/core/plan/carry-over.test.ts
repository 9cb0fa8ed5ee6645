import { describe, expect, it } from "vitest";
import type { CacheParameter } from "@/lib/core/model/resources";
import type { RegionSnapshot } from "@/lib/core/model/snapshot";
import { awsParams } from "./aws-params";
import { computePlan } from "./compute-plan";
import { renderCli } from "./render-cli";
import { seedUsEast1 } from "@/tools/testing/fixtures";
import { recommendedChoices } from "@/tools/testing/plan-helpers";

const userRow = (name: string, value: string, changeType = "immediate"): CacheParameter => ({
  name,
  value,
  source: "user",
  changeType,
  isModifiable: true,
});

/** The seed, with more values set by hand on shared-lru-redis6 (sessions-redis62's custom group). */
function withUserValues(rows: CacheParameter[]): RegionSnapshot {
  const snap = structuredClone(seedUsEast1());
  const read = snap.parameters["shared-lru-redis6"];
  if (!read?.ok) throw new Error("the seed reads shared-lru-redis6");
  read.value.push(...rows);
  return snap;
}

const modifyStep = (plan: ReturnType<typeof computePlan>) =>
  plan.steps.find((s) => s.kind === "modify-parameter-group")!;

describe("a new group replacing a custom group carries the user's values over (issue 9 item 1)", () => {
  it("sessions-redis62: timeout=300 and notify-keyspace-events=Ex go into the new group, shown before → after", () => {
    const snap = withUserValues([userRow("timeout", "300"), userRow("notify-keyspace-events", "Ex")]);
    const choices = recommendedChoices(snap, "sessions-redis62");
    expect(choices.parameterGroup.mode).toBe("create");
    const plan = computePlan(snap, choices);
    const step = modifyStep(plan);
    expect(step.action).toBe("change");
    expect(awsParams(step).ParameterNameValues).toEqual([
      { ParameterName: "maxmemory-policy", ParameterValue: "noeviction" },
      { ParameterName: "notify-keyspace-events", ParameterValue: "Ex" },
      { ParameterName: "timeout", ParameterValue: "300" },
    ]);
    expect(step.changes).toEqual([
      { attribute: "maxmemory-policy", before: "volatile-lru", after: "noeviction" },
      {
        attribute: "notify-keyspace-events",
        before: "family default",
        after: "Ex",
        note: "carried over from shared-lru-redis6",
      },
      {
        attribute: "timeout",
        before: "family default",
        after: "300",
        note: "carried over from shared-lru-redis6",
      },
    ]);
    expect(step.title).toContain("2 values carried over from shared-lru-redis6");
    expect(plan.blockers).toEqual([]);
    // The carried values bind the preview: a change to them makes apply refuse.
    expect(plan.facts.find((f) => f.key === "pg.shared-lru-redis6.user-values")?.value).toBe(
      "notify-keyspace-events=Ex, timeout=300",
    );
  });

  it("flags a requires-reboot value instead of dropping it", () => {
    const plan = computePlan(
      withUserValues([userRow("databases", "32", "requires-reboot")]),
      recommendedChoices(seedUsEast1(), "sessions-redis62"),
    );
    const change = modifyStep(plan).changes.find((c) => c.attribute === "databases");
    expect(change).toMatchObject({ before: "family default", after: "32", requiresReboot: true });
    expect(change?.note).toContain("requires-reboot");
  });

  it("more than 20 values: one step, sent and exported 20 per ModifyCacheParameterGroup", () => {
    const rows = Array.from({ length: 25 }, (_, i) => userRow(`p${String(i).padStart(2, "0")}`, String(i)));
    const plan = computePlan(withUserValues(rows), recommendedChoices(seedUsEast1(), "sessions-redis62"));
    expect(modifyStep(plan).input.values).toHaveLength(26);
    const script = renderCli(plan);
    expect(script.match(/^aws elasticache modify-cache-parameter-group/gm)).toHaveLength(2);
    const lines = script
      .split("\n")
      .filter((l) => l.startsWith("aws elasticache modify-cache-parameter-group"));
    expect(lines.map((l) => (l.match(/ParameterName=/g) ?? []).length)).toEqual([20, 6]);
  });

  it("a default group needs no carry-over; an unread custom group blocks the apply", () => {
    const orders = computePlan(seedUsEast1(), recommendedChoices(seedUsEast1(), "orders-redis7"));
    expect(modifyStep(orders).changes.map((c) => c.attribute)).toEqual(["maxmemory-policy"]);
    const snap = structuredClone(seedUsEast1());
    snap.parameters["shared-lru-redis6"] = {
      ok: false,
      problem: { code: "throttled", message: "Rate exceeded.", retryable: true },
    };
    const plan = computePlan(snap, { ...recommendedChoices(seedUsEast1(), "sessions-redis62") });
    expect(plan.blockers.join(" ")).toContain("cannot be carried over");
  });
});
