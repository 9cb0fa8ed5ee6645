import { describe, expect, it } from "vitest";
import { listCacheParameterGroups, listTagsForResource } from "@/lib/adapters/aws/elasticache/reads";
import { listSecurityGroups } from "@/lib/adapters/aws/ec2/reads";
import { modifyCacheCluster, modifyReplicationGroup } from "@/lib/adapters/aws/elasticache/writes";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { applyOptionsPerFile, expectLiveMatchesPlan, wizardChoices } from "@/tools/testing/apply-helpers";
import { previewPlan } from "./preview";
import { listApplyRuns } from "@/lib/adapters/db/lookups";
import { startApply } from "./start-apply";
import { undoCandidates, undoResource } from "./undo";
import { computePlan, type TargetChoice } from "@/lib/core/plan";
import { readTarget } from "./plan-live";

const h = sandboxPerFile({ applyDelayMs: 200 });
const operator = { name: "operator", role: "operator" };
const opts = applyOptionsPerFile(h);

/** Preview with the wizard's recommendations (or overrides), apply, wait, and return both. */
async function wizardApply(target: TargetChoice, override = {}) {
  const { ctx, access } = h.context(target.region);
  const choices = await wizardChoices(access, target, override);
  const preview = await previewPlan({ ...opts, choices, user: operator });
  if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
  const started = await startApply({
    ownerGuard: "off",
    ...opts,
    user: operator,
    previewId: preview.previewId,
  });
  return { ctx, preview, run: await started.finished };
}

async function replan(target: TargetChoice) {
  const { access } = h.context(target.region);
  return computePlan(await readTarget(access, target), await wizardChoices(access, target));
}

describe("apply against the sandbox", () => {
  it("orders-redis7: creates, fills and attaches a noeviction group; ends Ready; a re-plan is empty", async () => {
    const target = { region: "us-east-1", kind: "replication-group", id: "orders-redis7" } as const;
    const { ctx, preview, run } = await wizardApply(target);
    // The memory alarm comes with noeviction: orders-redis7's seeded alarm fires too late (95 %).
    expect(preview.plan.summaryLine).toBe("2 to create, 2 to change, 1 already in place");
    expect(preview.permissions.map((p) => `${p.operation}:${p.result}`)).toEqual([
      "CreateCacheParameterGroup:not-checked",
      "ModifyCacheParameterGroup:not-checked",
      "ModifyReplicationGroup:not-checked",
      "PutMetricAlarm:not-checked",
    ]);
    expect(run.status, run.message + JSON.stringify(run.steps)).toBe("succeeded");
    expect(run.steps.map((s) => s.status)).toEqual(["skipped", "done", "done", "done", "done"]);
    expect(run.readiness?.verdict).toBe("ready");
    expect(run.readiness?.snippet).toContain("maxRetriesPerRequest: null");
    expect(run.convergence!.polls).toBeGreaterThan(0);
    await expectLiveMatchesPlan(ctx, preview.plan);
    const [group] = await listCacheParameterGroups(ctx, { name: "bullmq-redis7-noeviction" });
    expect(await listTagsForResource(ctx, group!.arn)).toEqual([
      { key: "created-by", value: "queueready" },
      { key: "queueready:target", value: "123456789012/us-east-1/replication-group/orders-redis7" },
      { key: "queueready:run", value: run.id },
    ]);
    const again = await replan(target);
    expect(again.converged).toBe(true);
    expect(again.choices.parameterGroup).toEqual({ mode: "reuse", name: "bullmq-redis7-noeviction" });
  });

  it("events-cluster (cluster mode): adds the rule, sets cluster-enabled=yes before attaching; DryRun allows the EC2 call", async () => {
    const target = { region: "us-east-1", kind: "replication-group", id: "events-cluster" } as const;
    const { ctx, preview, run } = await wizardApply(target);
    expect(preview.permissions.find((p) => p.operation === "AuthorizeSecurityGroupIngress")).toMatchObject({
      result: "allowed",
    });
    expect(run.status, run.message + JSON.stringify(run.steps)).toBe("succeeded");
    expect(run.steps.map((s) => s.status)).toEqual(["done", "done", "done", "done", "done"]);
    expect(run.created.map((c) => c.type)).toEqual(["ingress-rule", "cache-parameter-group", "metric-alarm"]);
    expect(run.readiness?.verdict).toBe("ready");
    await expectLiveMatchesPlan(ctx, preview.plan);
    expect((await replan(target)).converged).toBe(true);
  });

  it("standalone-redis with a new security group: created, tagged, attached next to the old one", async () => {
    const target = { region: "us-east-1", kind: "cache-cluster", id: "standalone-redis" } as const;
    const network = {
      securityGroup: { mode: "new" as const, name: "queueready-standalone-redis" },
      source: { kind: "security-group" as const, groupId: "sg-0stagapp00000001" },
    };
    const { ctx, preview, run } = await wizardApply(target, { network });
    expect(run.status, run.message + JSON.stringify(run.steps)).toBe("succeeded");
    // A second redis7 cluster gets the family's group orders-redis7's run made, not a -2 copy.
    expect(preview.plan.steps.map((s) => s.kind)).not.toContain("create-parameter-group");
    expect(preview.plan.choices.parameterGroup).toEqual({ mode: "reuse", name: "bullmq-redis7-noeviction" });
    const created = (await listSecurityGroups(ctx, { vpcId: "vpc-0stag00000000002" })).find(
      (g) => g.name === "queueready-standalone-redis",
    )!;
    expect(created.tags).toEqual({
      "created-by": "queueready",
      "queueready:target": "123456789012/us-east-1/cache-cluster/standalone-redis",
      "queueready:run": run.id,
    });
    expect(run.created[0]).toMatchObject({ type: "security-group", groupId: created.id });
    await expectLiveMatchesPlan(ctx, preview.plan, created.id);
    expect((await replan(target)).converged).toBe(true);
  });

  it("lists the history and offers to remove a group nothing uses any more", async () => {
    const runs = await listApplyRuns(opts);
    expect(runs.map((r) => r.target.id)).toEqual(["standalone-redis", "events-cluster", "orders-redis7"]);
    expect(await undoCandidates(opts)).toEqual([]);
    const { ctx } = h.context();
    await modifyReplicationGroup(ctx, "orders-redis7", { cacheParameterGroupName: "default.redis7" });
    // standalone-redis shares the group: it is no candidate while one cluster still uses it.
    expect(await undoCandidates(opts)).toEqual([]);
    await modifyCacheCluster(ctx, "standalone-redis", { cacheParameterGroupName: "default.redis7" });
    const candidates = await undoCandidates(opts);
    expect(candidates).toEqual([
      {
        type: "cache-parameter-group",
        region: "us-east-1",
        name: "bullmq-redis7-noeviction",
        runId: runs[2]!.id,
        reason: "bullmq-redis7-noeviction is attached to no cluster.",
      },
    ]);
    expect(await undoResource({ ...opts, user: operator, candidate: candidates[0]! })).toBe(
      "Deleted parameter group bullmq-redis7-noeviction.",
    );
    await expect(listCacheParameterGroups(ctx, { name: "bullmq-redis7-noeviction" })).rejects.toMatchObject({
      problem: { code: "not-found" },
    });
    expect((await listApplyRuns(opts))[2]!.created[0]).toMatchObject({ removedBy: "operator" });
  });
});
