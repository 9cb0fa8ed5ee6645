import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findApprovalByHash } from "@/lib/adapters/db/approvals";
import { readTrail } from "@/lib/adapters/db/audit-trail";
import { signPlanFile, withHash, type PlanFile } from "@/lib/core/plan-file";
import { decidePlan } from "@/lib/services/approvals/submit";
import { gatePlanFile } from "@/lib/services/approvals/gate";
import { approvalPolicyFromEnv } from "@/lib/core/approvals/policy";
import { readPlanFile } from "@/tools/testing/cli-helpers";
import { testPlanKey } from "@/tools/testing/plan-key";
import { planApplyHarness } from "@/tools/testing/plan-apply-harness";

const cli = planApplyHarness({
  tmpPrefix: "qr-cli-approvals-",
  extraEnv: { QUEUEREADY_REQUIRE_APPROVAL: "1" },
  planUsesDb: true,
});
const { h, plan, apply } = cli;

/** Apply while the gate is closed: exit 2 with `reason`, and not one AWS call. */
async function refused(file: string, reason: RegExp) {
  h.sandbox.control.resetCalls();
  const run = await apply([file, "--yes", "--as", "alice"]);
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toMatch(reason);
  expect(h.sandbox.control.calls()).toEqual({});
}

const bob = { name: "bob", role: "operator" };

describe("the two-person rule on the command line", () => {
  it(
    "refuses a submitted plan until another operator approves it, refuses an edited copy, then applies and records request ids",
    { timeout: 120_000 },
    async () => {
      const file = path.join(cli.dir, "sessions.plan.json");
      const planned = await plan([
        "--cluster",
        "sessions-redis62",
        "--out",
        file,
        "--submit",
        "--as",
        "alice",
        "--change-ref",
        "CHG-7",
      ]);
      expect(planned.code, planned.stderr).toBe(1);
      const page = /Submitted for approval: \/changes\/approvals\/([0-9a-z-]+)\n/.exec(planned.stdout);
      expect(page, planned.stdout).not.toBeNull();
      const id = page![1]!;
      const text = await readFile(file, "utf8");
      const stored = await findApprovalByHash(cli.db, (await readPlanFile(file)).hash);
      expect(stored).toMatchObject({
        id,
        status: "pending",
        submittedBy: "alice",
        changeRef: "CHG-7",
        planText: text,
      });

      await refused(file, /REFUSED, nothing was applied: awaiting approval/);
      // Its author cannot approve it; a viewer cannot either.
      expect(
        await decidePlan(cli.db, {
          id,
          user: { name: "alice", role: "operator" },
          decision: "approved",
        }),
      ).toMatchObject({ ok: false, code: "forbidden" });
      expect(
        await decidePlan(cli.db, { id, user: { name: "vic", role: "viewer" }, decision: "approved" }),
      ).toMatchObject({ ok: false, code: "forbidden" });
      expect(await decidePlan(cli.db, { id, user: bob, decision: "approved" })).toMatchObject({
        ok: true,
      });
      expect(await decidePlan(cli.db, { id, user: bob, decision: "approved" })).toMatchObject({
        ok: false,
        code: "conflict",
      });

      // An edited copy, even correctly re-hashed and re-signed, is another plan: never approved.
      const original = JSON.parse(text) as PlanFile;
      const edited = signPlanFile(
        withHash({ ...original, createdBy: { name: "mallory", via: "cli" } }),
        testPlanKey(),
      );
      const editedFile = path.join(cli.dir, "edited.plan.json");
      await writeFile(editedFile, JSON.stringify(edited, null, 2));
      await refused(editedFile, /awaiting approval: this plan was never submitted/);
      // The same content re-formatted keeps its hash but is not the approved bytes.
      const reformatted = path.join(cli.dir, "reformatted.plan.json");
      await writeFile(reformatted, JSON.stringify(original));
      await refused(reformatted, /differs byte for byte/);

      const applied = await apply([file, "--yes", "--as", "alice"]);
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
      expect(applied.stdout).toContain(`Approved by bob (/changes/approvals/${id}, change CHG-7).`);

      const trail = await readTrail(cli.db);
      expect(trail.map((e) => [e.event, e.actor])).toEqual([
        ["submitted", "alice"],
        ["approved", "bob"],
        ["applied", "alice"],
      ]);
      const done = trail[2]!;
      expect(done).toMatchObject({ approvalId: id, planHash: stored!.planHash, changeRef: "CHG-7" });
      expect(done.targets).toEqual(["123456789012/us-east-1/replication-group/sessions-redis62"]);
      expect(done.requestIds.length).toBeGreaterThan(0);
      for (const w of done.requestIds) expect(w.requestId).toMatch(/^[0-9a-f-]{20,}$/);
      expect(done.requestIds.map((w) => w.operation)).toContain("ModifyReplicationGroup");
    },
  );

  it("blocks a rejected plan for good, and an approval once it expired", { timeout: 60_000 }, async () => {
    const file = path.join(cli.dir, "orders.plan.json");
    const planned = await plan(["--cluster", "standalone-redis", "--out", file, "--submit", "--as", "alice"]);
    expect(planned.code, planned.stderr).toBe(1);
    const id = /\/changes\/approvals\/([0-9a-z-]+)/.exec(planned.stdout)![1]!;
    expect(await decidePlan(cli.db, { id, user: bob, decision: "rejected" })).toMatchObject({
      ok: false,
      code: "invalid-input",
    });
    expect(
      await decidePlan(cli.db, { id, user: bob, decision: "rejected", comment: "not in the window" }),
    ).toMatchObject({ ok: true });
    await refused(file, /rejected by bob: not in the window/);

    const second = path.join(cli.dir, "second.plan.json");
    const again = await plan(["--cluster", "standalone-redis", "--out", second, "--submit", "--as", "alice"]);
    const other = /\/changes\/approvals\/([0-9a-z-]+)/.exec(again.stdout)![1]!;
    expect(other).not.toBe(id);
    await decidePlan(cli.db, { id: other, user: bob, decision: "approved" });
    const policy = approvalPolicyFromEnv({ QUEUEREADY_REQUIRE_APPROVAL: "1", QUEUEREADY_APPROVAL_TTL: "1h" });
    const text = await readFile(second, "utf8");
    const gate = await gatePlanFile(cli.db, {
      file: await readPlanFile(second),
      text,
      policy: policy.ok ? policy.policy : (undefined as never),
      actor: "alice",
      now: new Date(Date.now() + 2 * 3_600_000),
    });
    expect(gate).toMatchObject({ open: false, code: "expired" });
    expect(!gate.open && gate.reason).toMatch(/^approval expired at /);
    expect((await readTrail(cli.db)).map((e) => e.event)).toEqual([
      "submitted",
      "rejected",
      "submitted",
      "approved",
      "expired",
    ]);
  });

  it("refuses --submit without --out and --change-ref without --submit", async () => {
    expect((await plan(["--cluster", "x", "--submit"])).stderr).toMatch(/--submit needs --out FILE/);
    expect((await plan(["--cluster", "x", "--change-ref", "CHG-1"])).stderr).toMatch(
      /--change-ref goes with --submit/,
    );
  });
});
