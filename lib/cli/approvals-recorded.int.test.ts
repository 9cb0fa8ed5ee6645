import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordPolicyAtStart } from "@/lib/services/approvals/policy";
import { planApplyHarness } from "@/tools/testing/plan-apply-harness";

// The command line's own environment says nothing about approvals: only the app's recorded policy does.
const cli = planApplyHarness({ tmpPrefix: "qr-cli-recorded-policy-" });
const { h, plan, apply } = cli;

describe("npm run apply under the policy the app recorded", () => {
  it("refuses without approval when the app requires it, whatever its own environment says", async () => {
    await recordPolicyAtStart(cli.db, { QUEUEREADY_REQUIRE_APPROVAL: "1" });
    const file = path.join(cli.dir, "standalone.plan.json");
    expect((await plan(["--cluster", "standalone-redis", "--out", file])).code).toBe(1);
    h.sandbox.control.resetCalls();
    const refused = await apply([file, "--yes", "--as", "alice"]);
    expect(refused.code, refused.stdout + refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/REFUSED, nothing was applied: awaiting approval/);
    expect(h.sandbox.control.calls()).toEqual({});
  });

  it("applies once the app runs without the rule (its start records the new policy)", async () => {
    await recordPolicyAtStart(cli.db, { QUEUEREADY_REQUIRE_APPROVAL: "1" });
    await recordPolicyAtStart(cli.db, {});
    const file = path.join(cli.dir, "standalone-2.plan.json");
    expect((await plan(["--cluster", "standalone-redis", "--out", file])).code).toBe(1);
    const applied = await apply([file, "--yes", "--as", "alice"]);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
  });
});
