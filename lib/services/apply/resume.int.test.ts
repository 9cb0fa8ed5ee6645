import { describe, expect, it } from "vitest";
import { deleteSecurityGroup } from "@/lib/adapters/aws/ec2/writes";
import { listCacheParameterGroups } from "@/lib/adapters/aws/elasticache/reads";
import { listSecurityGroupRules, listSecurityGroups } from "@/lib/adapters/aws/ec2/reads";
import { modifyCacheCluster } from "@/lib/adapters/aws/elasticache/writes";
import { undoCandidates, undoResource } from "./undo";
import { listApplyRuns } from "@/lib/adapters/db/lookups";
import { updateRun } from "@/lib/adapters/db/run-updates";
import { sandboxPerFile, waitFor } from "@/tools/testing/int-harness";
import { applyOptionsPerFile, wizardChoices } from "@/tools/testing/apply-helpers";
import { previewPlan } from "./preview";
import { startApply } from "./start-apply";
import { choicesOf } from "@/lib/web/wizard/choices";
import { resumeParams } from "@/lib/web/changes/resume";

const h = sandboxPerFile({ applyDelayMs: 100 });
const operator = { name: "operator", role: "operator" };
const opts = applyOptionsPerFile(h);

/** Everything of the kinds an apply creates, counted in the target's region. */
async function resources() {
  const { ctx } = h.context();
  const groups = await listSecurityGroups(ctx);
  const rules = await listSecurityGroupRules(
    ctx,
    groups.map((g) => g.id),
  );
  return {
    securityGroups: groups.length,
    ingressRules: rules.length,
    parameterGroups: (await listCacheParameterGroups(ctx)).length,
  };
}

async function apply(choices: Parameters<typeof previewPlan>[0]["choices"]) {
  const preview = await previewPlan({ ...opts, choices, user: operator });
  if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
  const run = await (
    await startApply({ ownerGuard: "off", ...opts, user: operator, previewId: preview.previewId })
  ).finished;
  return { preview, run };
}

describe("Resume a run that stopped after creating things (issue 9 item 2)", () => {
  it("a fault after the creates, the run record lost: resume converges with zero new resources", async () => {
    const target = { region: "us-east-1", kind: "cache-cluster", id: "standalone-redis" } as const;
    const { access } = h.context();
    const network = {
      securityGroup: { mode: "new" as const, name: "queueready-standalone-redis" },
      source: { kind: "security-group" as const, groupId: "sg-0stagapp00000001" },
    };
    const choices = await wizardChoices(access, target, { network });
    const before = await resources();
    h.sandbox.control.addFault({ operation: "ModifyCacheCluster", kind: "access-denied", count: 1 });
    const first = await apply(choices);
    expect(first.run.status).toBe("failed");
    expect(first.run.steps.map((s) => s.status)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "failed",
      "pending",
    ]);
    const afterFailure = await resources();
    expect(afterFailure).toEqual({
      securityGroups: before.securityGroups + 1,
      ingressRules: before.ingressRules + 1,
      parameterGroups: before.parameterGroups + 1,
    });
    // As if the server died between AWS's answers and the run record: nothing recorded as created.
    await updateRun(opts.db!, first.run.id, (r) => void (r.created = []), { touch: false });

    // The same choices without resume fail on the taken names: the trap the issue describes.
    const plain = await previewPlan({ ...opts, choices, user: operator });
    expect(plain.ok).toBe(false);

    const resumed = choicesOf(resumeParams(first.run));
    if (!resumed.ok) throw new Error("resume params do not parse");
    const second = await apply(resumed.value);
    expect(second.preview.plan.steps.map((s) => `${s.kind}:${s.action}`)).toEqual([
      "create-security-group:no-op",
      "authorize-ingress:no-op",
      "create-parameter-group:no-op",
      "modify-parameter-group:no-op",
      "modify-cache-cluster:change",
      "put-metric-alarm:create",
    ]);
    expect(second.run.status, second.run.message).toBe("succeeded");
    expect(second.run.readiness?.verdict).toBe("ready");
    expect(await resources()).toEqual(afterFailure);
    // Undo can find what the first run made although its record was lost: the resume recorded it.
    expect(second.run.created.map((c) => c.type).sort()).toEqual([
      "cache-parameter-group",
      "ingress-rule",
      "metric-alarm",
      "security-group",
    ]);
  });

  it("undo covers the security group too: refused by EC2 while attached, deleted with its rule once free", async () => {
    const { ctx } = h.context();
    const created = (await listSecurityGroups(ctx)).find((g) => g.name === "queueready-standalone-redis")!;
    expect(await undoCandidates(opts)).toEqual([]);
    await expect(deleteSecurityGroup(ctx, created.id)).rejects.toMatchObject({
      problem: { code: "invalid-state", awsCode: "DependencyViolation" },
    });
    const before = await resources();
    await modifyCacheCluster(ctx, "standalone-redis", {
      securityGroupIds: ["sg-0stagcache000001"],
      cacheParameterGroupName: "default.redis7",
    });
    // The detach applies for a moment (the group shows "removing"): offered once it is gone from the cluster.
    const candidates = await waitFor(async () => {
      const found = await undoCandidates(opts);
      return found.length === 2 ? found : undefined;
    });
    expect(candidates.map((c) => c.type).sort()).toEqual(["cache-parameter-group", "security-group"]);
    const sg = candidates.find((c) => c.type === "security-group")!;
    expect(await undoResource({ ...opts, user: operator, candidate: sg })).toBe(
      `Deleted security group queueready-standalone-redis (${created.id}) and its rules.`,
    );
    expect(await resources()).toMatchObject({
      securityGroups: before.securityGroups - 1,
      ingressRules: before.ingressRules - 1,
    });
    const runs = await listApplyRuns(opts);
    expect(runs[0]!.created.find((c) => c.type === "security-group")).toMatchObject({
      removedBy: "operator",
    });
  });
});

describe("A rule added by a run that died before recording it (issue 24 item 12)", () => {
  it("is tagged with its run at creation, and a resume adopts it instead of adding a second", async () => {
    const target = { region: "us-east-1", kind: "replication-group", id: "events-cluster" } as const;
    const { ctx, access } = h.context();
    const choices = await wizardChoices(access, target);
    h.sandbox.control.addFault({ operation: "ModifyReplicationGroup", kind: "access-denied", count: 1 });
    const first = await apply(choices);
    expect(first.run.steps.map((s) => s.status)).toEqual(["done", "done", "done", "failed", "pending"]);
    const recorded = first.run.created.find((c) => c.type === "ingress-rule");
    if (recorded?.type !== "ingress-rule") throw new Error("the first run recorded no rule");
    const tagged = (await listSecurityGroupRules(ctx, [recorded.groupId])).filter(
      (r) => r.tags?.["queueready:run"] === first.run.id,
    );
    expect(tagged.map((r) => r.ruleId)).toEqual(recorded.ruleIds);
    expect(tagged[0]!.tags).toMatchObject({
      "created-by": "queueready",
      "queueready:target": "123456789012/us-east-1/replication-group/events-cluster",
    });
    // Killed right after AWS added the rule: the run never recorded it.
    await updateRun(opts.db!, first.run.id, (r) => void (r.created = []), { touch: false });
    const before = await resources();
    const resumed = choicesOf(resumeParams(first.run));
    if (!resumed.ok) throw new Error("resume params do not parse");
    const second = await apply(resumed.value);
    expect(second.run.status, second.run.message).toBe("succeeded");
    expect(await resources()).toEqual(before);
    expect(second.run.created.find((c) => c.type === "ingress-rule")).toMatchObject({
      groupId: recorded.groupId,
      ruleIds: recorded.ruleIds,
    });
  });
});
