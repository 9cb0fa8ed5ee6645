import { describe, expect, it } from "vitest";
import { savedLine } from "./plan-summary";

describe("the line after plan --out", () => {
  it("says how to apply a plan that changes something", () => {
    expect(savedLine("plan.json", 2)).toBe(
      "Saved the plan to plan.json: apply it with `npm run apply -- plan.json`.\n",
    );
  });

  it("does not invite an apply of a plan that changes nothing", () => {
    const line = savedLine("plan.json", 0);
    expect(line).not.toMatch(/apply it|npm run apply/);
    expect(line).toBe("Saved the plan to plan.json: it changes nothing, so there is nothing to apply.\n");
  });
});
