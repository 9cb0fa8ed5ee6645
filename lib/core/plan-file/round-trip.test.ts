/**
 * Every kind of plan the planner makes survives the plan file: written (buildPlanFile, serializePlanFile),
 * read back (parsePlanFile) and found equal, and what apply recomputes from the file's choices is the plan
 * the file holds. The plans are generated (tools/testing/plan-cases.ts), not picked.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planSchema, renderJson } from "@/lib/core/plan";
import { caseArb, EXPECTED_COVERAGE, planFeatures, planOf } from "@/tools/testing/plan-cases";
import { testPlanKey } from "@/tools/testing/plan-key";
import { buildPlanFile, parsePlanFile, serializePlanFile } from "./";

const key = testPlanKey();

const RUNS = 400;

/** What the generated plans covered, so a generator that stops reaching a kind of plan fails the test. */
const seen = new Map<string, number>();
function record(plan: Parameters<typeof planFeatures>[0]) {
  for (const what of planFeatures(plan)) seen.set(what, (seen.get(what) ?? 0) + 1);
}

describe("plan files hold every kind of plan the planner makes", () => {
  it(`write, read back equal, and recompute to the same plan (${RUNS} generated cases)`, () => {
    let count = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const planned = planOf(c);
        fc.pre(planned !== undefined);
        const { plan } = planned;
        count++;
        record(plan);
        // The planner's output is what the schema describes, before any file is involved.
        expect(planSchema.safeParse(plan).error).toBeUndefined();

        const file = buildPlanFile({
          plans: [plan],
          createdBy: { name: "generated", via: c.revert ? "browser" : "cli" },
          now: new Date(plan.computedFrom),
          signingKey: key,
        });
        const read = parsePlanFile(serializePlanFile(file), { key });
        if (!read.ok) throw new Error(read.reason);
        expect(read.file).toEqual(file);
        expect(read.file.targets[0]!.plan).toEqual(JSON.parse(JSON.stringify(plan)));
        expect(read.file.targets[0]).toEqual(JSON.parse(renderJson(plan)));
        // Apply recomputes the plan from the file's choices on the live state and binds it by fingerprint:
        // on unchanged live state it is the same plan, so the file applies.
        const back = read.file.targets[0]!.plan;
        expect(JSON.parse(JSON.stringify(planned.again(back)))).toEqual(back);
      }),
      { numRuns: RUNS, seed: 20260517, maxSkipsPerRun: 20 },
    );
    expect(count).toBe(RUNS);
    expect(EXPECTED_COVERAGE.filter((k) => !seen.has(k))).toEqual([]);
    if (process.env.SHOW_COVERAGE)
      console.log(Object.fromEntries([...seen].sort((a, b) => a[0].localeCompare(b[0]))));
  });
});
