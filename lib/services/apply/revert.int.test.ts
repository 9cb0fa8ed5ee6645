/**
 * "Revert this apply" against the sandbox (issue 9 item 2): a finished apply is reverted through the same
 * preview → apply path, refused when someone changed the cluster since, and a stopped revert resumes
 * without sending anything twice.
 */
import { describe, expect, it } from "vitest";
import { listCacheParameterGroups } from "@/lib/adapters/aws/elasticache/reads";
import { listSecurityGroupRules, listSecurityGroups } from "@/lib/adapters/aws/ec2/reads";
import { modifyCacheCluster } from "@/lib/adapters/aws/elasticache/writes";
import { previewPlan } from "./preview";
import { listRevertsOf, previewRevert } from "./revert";
import { startApply } from "./start-apply";
import { undoCandidates, undoResource } from "./undo";
import { readTargetState, type TargetState } from "./target-state";
import { StalePlanError, type ApplyOptions } from "./types";
import { targetRefOf, type TargetChoice, type WizardChoices } from "@/lib/core/plan";
import { applyOptionsPerFile, wizardChoices } from "@/tools/testing/apply-helpers";
import { sandboxPerFile, waitFor } from "@/tools/testing/int-harness";

const h = sandboxPerFile({ applyDelayMs: 300 });
const operator = { name: "operator", role: "operator" };
const opts = applyOptionsPerFile(h);

/** Each member's parameter group and security groups (sorted): what "back on its previous groups" compares. */
const attachments = (s: TargetState) =>
  s.members.map((m) => ({
    id: m.id,
    parameterGroup: m.parameterGroup?.name,
    securityGroups: m.securityGroups.map((g) => g.id).sort(),
  }));

/** The choice as a target in the account the sandbox's credentials reach. */
const liveRef = (target: TargetChoice) => targetRefOf(h.context().access, target);

async function liveOf(target: TargetChoice) {
  return attachments(await readTargetState(h.context().ctx, liveRef(target)));
}

/** The wizard's own choices with a new security group, so the apply changes both attachments. */
async function applyWizard(target: TargetChoice, appGroup: string) {
  const choices: WizardChoices = await wizardChoices(h.context().access, target, {
    network: {
      securityGroup: { mode: "new", name: `queueready-${target.id}` },
      source: { kind: "security-group", groupId: appGroup },
    },
  });
  const preview = await previewPlan({ ...opts, choices, user: operator });
  if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
  const run = await (
    await startApply({ ownerGuard: "off", ...opts, user: operator, previewId: preview.previewId })
  ).finished;
  expect(run.status, run.message).toBe("succeeded");
  return run;
}

async function revert(runId: string, extra: Partial<ApplyOptions> = {}) {
  const preview = await previewRevert({ ...opts, runId, user: operator });
  if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
  const started = await startApply({
    ownerGuard: "off",
    ...opts,
    ...extra,
    user: operator,
    previewId: preview.previewId,
  });
  return { preview, run: await started.finished };
}

const modifyCalls = () => h.sandbox.control.calls()["elasticache:ModifyReplicationGroup"] ?? 0;

describe("Revert this apply", () => {
  it("puts the cluster back on its previous parameter group and security groups, deleting nothing", async () => {
    const target = { region: "us-east-1", kind: "replication-group", id: "orders-redis7" } as const;
    const before = await liveOf(target);
    const applied = await applyWizard(target, "sg-0app000000000001");
    const created = applied.created.find((c) => c.type === "security-group")!;
    expect(await liveOf(target)).not.toEqual(before);

    const { preview, run } = await revert(applied.id);
    expect(preview.plan.revert?.runId).toBe(applied.id);
    expect(preview.plan.steps.map((s) => `${s.kind}:${s.action}`)).toEqual([
      "modify-replication-group:change",
    ]);
    expect(preview.plan.steps[0]!.changes.map((c) => `${c.attribute}: ${c.before} → ${c.after}`)).toEqual([
      "CacheParameterGroupName: bullmq-redis7-noeviction → default.redis7",
      `SecurityGroupIds: queueready-orders-redis7 (${created.type === "security-group" ? created.groupId : ""}), cache-prod (sg-0cache00000000001) → cache-prod (sg-0cache00000000001)`,
    ]);
    expect(run.status, run.message).toBe("succeeded");
    expect(run.plan.revert?.runId).toBe(applied.id);
    expect(await liveOf(target)).toEqual(before);
    expect(run.readiness?.verdict).toBe("needs-changes");
    // What the apply created is still there (undo removes it, not the revert).
    const { ctx } = h.context();
    expect(
      (await listSecurityGroups(ctx)).some(
        (g) => created.type === "security-group" && g.id === created.groupId,
      ),
    ).toBe(true);
    expect((await listCacheParameterGroups(ctx)).some((g) => g.name === "bullmq-redis7-noeviction")).toBe(
      true,
    );
    expect((await listRevertsOf(applied.id, opts)).map((r) => r.id)).toEqual([run.id]);
  });

  it("refuses, with no call sent, when someone changed the cluster since the apply", async () => {
    const target = { region: "us-east-1", kind: "cache-cluster", id: "standalone-redis" } as const;
    const applied = await applyWizard(target, "sg-0stagapp00000001");
    const { ctx } = h.context();
    // A preview made now, then someone attaches another group before the operator presses Apply.
    const early = await previewRevert({ ...opts, runId: applied.id, user: operator });
    if (!early.ok) throw new Error(JSON.stringify(early.fieldErrors));
    await modifyCacheCluster(ctx, target.id, { cacheParameterGroupName: "secure-noeviction" });
    await waitFor(async () =>
      (await readTargetState(ctx, liveRef(target))).status === "available" ? true : undefined,
    );
    const sent = h.sandbox.control.calls()["elasticache:ModifyCacheCluster"];
    const stale = await startApply({
      ownerGuard: "off",
      ...opts,
      user: operator,
      previewId: early.previewId,
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StalePlanError);
    expect((stale as StalePlanError).changes.join(" ")).toContain(
      "Parameter group of standalone-redis: now secure-noeviction;",
    );

    const refused = await previewRevert({ ...opts, runId: applied.id, user: operator });
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {
        "revert.changed": [
          `Parameter group of standalone-redis: now secure-noeviction; the run left bullmq-redis7-noeviction, and the revert would put back default.redis7.`,
        ],
      },
    });
    expect(h.sandbox.control.calls()["elasticache:ModifyCacheCluster"]).toBe(sent);
    expect((await liveOf(target))[0]!.parameterGroup).toBe("secure-noeviction");
  });

  it("a revert stopped after AWS took the change resumes with nothing sent twice", async () => {
    const target = { region: "us-east-1", kind: "replication-group", id: "legacy-redis5" } as const;
    const before = await liveOf(target);
    const applied = await applyWizard(target, "sg-0app000000000001");
    const callsBefore = modifyCalls();
    // It gives up waiting while the sandbox still applies: stopped after its one call.
    const stopped = await revert(applied.id, { timeLimitMs: 50 });
    expect(stopped.run.status).toBe("timed-out");
    expect(stopped.run.steps.map((s) => s.status)).toEqual(["done"]);
    expect(modifyCalls()).toBe(callsBefore + 1);
    await waitFor(async () =>
      (await readTargetState(h.context().ctx, liveRef(target))).status === "available" ? true : undefined,
    );

    // Resume: the revert of the same run, previewed again, finds the cluster back and sends nothing.
    const resumed = await revert(applied.id);
    expect(resumed.preview.plan.converged).toBe(true);
    expect(resumed.run.status, resumed.run.message).toBe("succeeded");
    expect(resumed.run.steps.map((s) => s.status)).toEqual(["skipped"]);
    expect(modifyCalls()).toBe(callsBefore + 1);
    expect(await liveOf(target)).toEqual(before);
    expect((await listRevertsOf(applied.id, opts)).map((r) => r.status)).toEqual(["succeeded", "timed-out"]);
  });

  it("a revert refused by AWS before anything changed resumes by sending its one call", async () => {
    const target = { region: "us-east-1", kind: "replication-group", id: "events-cluster" } as const;
    const before = await liveOf(target);
    const applied = await applyWizard(target, "sg-0app000000000001");
    h.sandbox.control.addFault({ operation: "ModifyReplicationGroup", kind: "access-denied", count: 1 });
    const failed = await revert(applied.id);
    expect(failed.run.status).toBe("failed");
    const calls = modifyCalls();
    const resumed = await revert(applied.id);
    expect(resumed.run.status, resumed.run.message).toBe("succeeded");
    expect(modifyCalls()).toBe(calls + 1);
    expect(await liveOf(target)).toEqual(before);
  });

  it("offers the inbound rule its apply added to the cluster's own group for removal once reverted, and removes it once", async () => {
    // events-cluster's own group cache-no-redis has nothing on 6379: the wizard adds a rule to it.
    const target = { region: "us-east-1", kind: "replication-group", id: "events-cluster" } as const;
    const choices = await wizardChoices(h.context().access, target);
    const preview = await previewPlan({ ...opts, choices, user: operator });
    if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
    const applied = await (
      await startApply({ ownerGuard: "off", ...opts, user: operator, previewId: preview.previewId })
    ).finished;
    expect(applied.status, applied.message).toBe("succeeded");
    const rule = applied.created.find((c) => c.type === "ingress-rule")!;
    if (rule?.type !== "ingress-rule") throw new Error("the apply added no inbound rule");
    const ruleIds = async () =>
      (await listSecurityGroupRules(h.context().ctx, [rule.groupId])).map((r) => r.ruleId);
    // While the apply stands, its rule is in use: nothing to offer.
    const offered = async () =>
      (await undoCandidates(opts)).filter((c) => c.type === "ingress-rule" && c.groupId === rule.groupId);
    expect(await offered()).toEqual([]);

    const { run } = await revert(applied.id);
    expect(run.status, run.message).toBe("succeeded");
    expect(await ruleIds()).toEqual(expect.arrayContaining(rule.ruleIds));
    const [candidate] = await offered();
    expect(candidate).toMatchObject({ type: "ingress-rule", ruleIds: rule.ruleIds, runId: applied.id });
    expect(candidate!.reason).toContain(`was reverted (by ${run.id})`);

    const message = await undoResource({ ...opts, user: operator, candidate: candidate! });
    expect(message).toBe(`Revoked ${rule.ruleIds.join(", ")} from ${rule.groupId}.`);
    expect(await ruleIds()).not.toEqual(expect.arrayContaining(rule.ruleIds));
    expect(await offered()).toEqual([]);
    // Asked twice (a second tab, a retry): nothing is sent again.
    await expect(undoResource({ ...opts, user: operator, candidate: candidate! })).rejects.toThrow(
      /already gone: nothing was removed/,
    );
  });
});
