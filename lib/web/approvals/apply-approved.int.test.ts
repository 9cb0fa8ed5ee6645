/**
 * Applying an approved plan from its page, against the sandbox: the stored bytes apply under the approval
 * (trail line with the approval and each write's request id); a target changed since the plan is refused
 * by the live re-check, approval or not.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getApplyRun, listApplyRuns } from "@/lib/adapters/db/lookups";
import { readTrail } from "@/lib/adapters/db/audit-trail";
import { authorizeIngress } from "@/lib/adapters/aws/ec2/writes";
import { parsePlanFile } from "@/lib/core/plan-file";
import { runPlanCli } from "@/lib/cli/run-plan";
import { decidePlan, submitPlan } from "@/lib/services/approvals/submit";
import { captureIo, sandboxCliEnv } from "@/tools/testing/cli-helpers";
import { estatePerFile } from "@/tools/testing/estate-harness";
import { sandboxPerFile, waitFor } from "@/tools/testing/int-harness";
import { TEST_PLAN_SIGNING_KEY, testPlanKey } from "@/tools/testing/plan-key";
import { applyApproved } from "./apply-approved";

const h = sandboxPerFile({ applyDelayMs: 50 });
const e = estatePerFile(h);
const dir = mkdtempSync(path.join(os.tmpdir(), "qr-apply-approved-"));
const savedKey = process.env.QUEUEREADY_PLAN_SIGNING_KEY;
process.env.QUEUEREADY_PLAN_SIGNING_KEY = TEST_PLAN_SIGNING_KEY;
afterAll(() => {
  process.env.QUEUEREADY_PLAN_SIGNING_KEY = savedKey;
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run plan --out` for one cluster of the management account, submitted by alice, approved by bob. */
async function approvedPlan(cluster: string) {
  const file = path.join(dir, `${cluster}.plan.json`);
  const { io } = captureIo();
  const env = sandboxCliEnv({ endpoint: h.sandbox.url, home: dir });
  expect(await runPlanCli(["--cluster", cluster, "--out", file], env, io, { settings: h.settings })).toBe(1);
  const text = readFileSync(file, "utf8");
  const read = parsePlanFile(text, { key: testPlanKey() });
  if (!read.ok) throw new Error(read.reason);
  const db = e.options.db!;
  const { approval } = await submitPlan(db, {
    file: read.file,
    text,
    changeRef: "CHG-9",
    user: { name: "alice", role: "operator" },
  });
  const decided = await decidePlan(db, {
    id: approval.id,
    user: { name: "bob", role: "operator" },
    decision: "approved",
  });
  if (!decided.ok) throw new Error(decided.message);
  return { approval: decided.approval, plan: read.file.targets[0]!.plan };
}

/** The run once it stopped running. */
const finished = (runId: string) =>
  waitFor(async () => {
    const r = await getApplyRun(runId, { db: e.options.db! });
    return r && r.status !== "running" ? r : undefined;
  }, 30_000);

describe("applying an approved plan from its page", () => {
  it(
    "applies the approved bytes and records the approval and every request id",
    { timeout: 60_000 },
    async () => {
      const db = e.options.db!;
      const { approval } = await approvedPlan("sessions-redis62");
      const started = await applyApproved(db, approval, { name: "carol", role: "operator" });
      if (!started.ok) throw new Error(started.message);
      const run = await finished(started.runId);
      expect(run.status).toBe("succeeded");
      const applied = await waitFor(async () => (await readTrail(db)).find((t) => t.event === "applied"));
      expect(applied).toMatchObject({
        actor: "carol",
        approvalId: approval.id,
        changeRef: "CHG-9",
        runId: run.id,
      });
      expect(applied.requestIds.map((w) => w.operation)).toContain("ModifyReplicationGroup");
    },
  );

  it("refuses a target that changed since the plan, though approved", { timeout: 60_000 }, async () => {
    const db = e.options.db!;
    const { approval, plan } = await approvedPlan("orders-redis7");
    // Someone changes a fact the plan was read from: another inbound rule on the cluster's group.
    const rules = plan.facts.find((f) => f.key.startsWith("sg.") && f.key.endsWith(".rules"));
    const groupId = rules!.key.split(".")[1]!;
    await authorizeIngress(h.context("us-east-1").ctx, groupId, {
      protocol: "tcp",
      fromPort: 6379,
      toPort: 6379,
      source: { kind: "cidr", cidr: "10.9.9.0/24" },
      description: "added by hand after the approval",
    });
    const refused = await applyApproved(db, approval, { name: "carol", role: "operator" });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(!refused.ok && refused.message).toMatch(/live state changed/);
    expect((await listApplyRuns({ db })).filter((r) => r.target.id === "orders-redis7")).toEqual([]);
  });
  it(
    "asks for a reason before changing what a stack owns, though approved, and keeps it on the run",
    { timeout: 60_000 },
    async () => {
      const db = e.options.db!;
      const carol = { name: "carol", role: "operator" } as const;
      // orders-redis7 is CloudFormation's (stack orders-cache): the approval does not stand in for a reason.
      const { approval } = await approvedPlan("orders-redis7");
      const asked = await applyApproved(db, approval, carol);
      expect(asked).toMatchObject({ ok: false, code: "invalid-input" });
      expect(!asked.ok && asked.message).toMatch(/changes what another tool owns/);
      expect(!asked.ok && asked.fieldErrors?.overrideOwner).toHaveLength(1);
      const short = await applyApproved(db, approval, carol, "because");
      expect(short).toMatchObject({ ok: false, code: "invalid-input" });
      expect((await listApplyRuns({ db })).filter((r) => r.target.id === "orders-redis7")).toEqual([]);

      const reason = "Incident 4711: the stack's next deploy carries the same group";
      const started = await applyApproved(db, approval, carol, reason);
      if (!started.ok) throw new Error(started.message);
      const run = await finished(started.runId);
      expect(run.status).toBe("succeeded");
      expect(run.ownerOverride?.reason).toBe(reason);
    },
  );
});
