/**
 * A MemoryDB apply stopped after CreateParameterGroup and UpdateParameterGroup, its record of what it created
 * lost: the resume takes the group up (one group, not two) and converges; a revert puts the cluster back on
 * its group, and undo then removes the group QueueReady created.
 */
import { describe, expect, it } from "vitest";
import {
  listMemoryDbClusters,
  listMemoryDbParameterGroups,
  listMemoryDbParameters,
} from "@/lib/adapters/aws/memorydb/reads";
import { listApplyRuns } from "@/lib/adapters/db/lookups";
import { updateRun } from "@/lib/adapters/db/run-updates";
import { sandboxPerFile, waitFor } from "@/tools/testing/int-harness";
import { applyOptionsPerFile, wizardChoices } from "@/tools/testing/apply-helpers";
import { previewPlan } from "./preview";
import { startApply } from "./start-apply";
import { undoCandidates, undoResource } from "./undo";
import { previewRevert } from "./revert";

const h = sandboxPerFile({ applyDelayMs: 100 });
const operator = { name: "operator", role: "operator" };
const opts = applyOptionsPerFile(h);
const target = { region: "us-east-1", kind: "memorydb-cluster", id: "prod-memdb-lru" } as const;
const GROUP = "bullmq-memorydb-redis7-noeviction";

async function apply(choices: Parameters<typeof previewPlan>[0]["choices"]) {
  const preview = await previewPlan({ ...opts, choices, user: operator });
  if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
  const run = await (
    await startApply({ ownerGuard: "off", ...opts, user: operator, previewId: preview.previewId })
  ).finished;
  return { preview, run };
}

const groupCount = async () => (await listMemoryDbParameterGroups(h.context().ctx)).length;

describe("MemoryDB: resume after a failed UpdateCluster, then undo", () => {
  it("the resume creates no second group, converges in sync, and records the group for undo", async () => {
    const { ctx, access } = h.context();
    const choices = await wizardChoices(access, target);
    expect(choices.parameterGroup).toEqual({ mode: "create", name: GROUP });
    const before = await groupCount();
    h.sandbox.control.addFault({ operation: "UpdateCluster", kind: "access-denied", count: 1 });
    const first = await apply(choices);
    expect(first.run.status).toBe("failed");
    expect(first.run.steps.map((s) => `${s.title.split(" ")[0]}:${s.status}`).slice(-3)).toEqual([
      "Create:done",
      // A new MemoryDB group starts as noeviction (the family default): nothing to set, nothing carried.
      "Set:skipped",
      "Give:failed",
    ]);
    expect(await groupCount()).toBe(before + 1);
    expect(first.run.created).toEqual([
      expect.objectContaining({ type: "memorydb-parameter-group", name: GROUP, family: "memorydb_redis7" }),
    ]);
    // As if the server died between AWS's answer and the run record.
    await updateRun(opts.db!, first.run.id, (r) => void (r.created = []), { touch: false });

    const second = await apply({ ...choices, resume: { runId: first.run.id } });
    expect(second.preview.plan.steps.map((s) => `${s.kind}:${s.action}`).slice(-3)).toEqual([
      "create-memorydb-parameter-group:no-op",
      "update-memorydb-parameter-group:no-op",
      "update-memorydb-cluster:change",
    ]);
    expect(second.run.status, second.run.message).toBe("succeeded");
    expect(second.run.readiness?.verdict).toBe("ready");
    expect(await groupCount()).toBe(before + 1);
    const [cluster] = await listMemoryDbClusters(ctx, { name: target.id });
    expect(cluster).toMatchObject({ parameterGroupName: GROUP, parameterGroupStatus: "in-sync" });
    expect(second.run.created).toEqual([
      expect.objectContaining({ type: "memorydb-parameter-group", name: GROUP, family: "memorydb_redis7" }),
    ]);
  });

  it("a revert puts the cluster back on its group; undo then deletes the group QueueReady created", async () => {
    const { ctx } = h.context();
    expect(await undoCandidates(opts)).toEqual([]);
    const before = await groupCount();
    const runs = await listApplyRuns(opts);
    const applied = runs.find((r) => r.status === "succeeded")!;
    const preview = await previewRevert({ ...opts, runId: applied.id, user: operator });
    if (!preview.ok) throw new Error(JSON.stringify(preview.fieldErrors));
    expect(preview.plan.steps.map((s) => `${s.kind}:${s.action}`)).toEqual([
      "update-memorydb-cluster:change",
    ]);
    expect(preview.plan.revert?.parameterGroup).toEqual({ before: "prod-memdb-lru", after: GROUP });
    const reverted = await (
      await startApply({ ownerGuard: "off", ...opts, user: operator, previewId: preview.previewId })
    ).finished;
    expect(reverted.status, reverted.message).toBe("succeeded");
    const [cluster] = await listMemoryDbClusters(ctx, { name: target.id });
    expect(cluster).toMatchObject({ parameterGroupName: "prod-memdb-lru", parameterGroupStatus: "in-sync" });
    const candidates = await waitFor(async () => {
      const found = await undoCandidates(opts);
      return found.length === 1 ? found : undefined;
    });
    expect(candidates[0]).toMatchObject({ type: "memorydb-parameter-group", name: GROUP });
    expect(await undoResource({ ...opts, user: operator, candidate: candidates[0]! })).toBe(
      `Deleted parameter group ${GROUP}.`,
    );
    expect(await groupCount()).toBe(before - 1);
    await expect(listMemoryDbParameters(ctx, GROUP)).rejects.toMatchObject({
      problem: { code: "not-found" },
    });
  });
});
