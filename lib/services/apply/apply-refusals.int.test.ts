import { beforeEach, describe, expect, it } from "vitest";
import { authorizeIngress } from "@/lib/adapters/aws/ec2/writes";
import { listCacheParameterGroups } from "@/lib/adapters/aws/elasticache/reads";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { readTarget } from "./plan-live";
import { applyOptionsPerFile, wizardChoices } from "@/tools/testing/apply-helpers";
import { previewPlan } from "./preview";
import { startApply } from "./start-apply";
import { ApplyRefusedError, StalePlanError } from "./types";
import { computePlan, type TargetChoice, type WizardChoices } from "@/lib/core/plan";

const h = sandboxPerFile({ applyDelayMs: 200 });
const operator = { name: "operator", role: "operator" };
const opts = applyOptionsPerFile(h);
beforeEach(() => {
  h.sandbox.control.reset("default");
  h.sandbox.control.clearFaults();
  h.sandbox.control.configure({ applyDelayMs: 200 });
});

const rg = (id: string, region = "us-east-1"): TargetChoice => ({ region, kind: "replication-group", id });

async function preview(target: TargetChoice, override: Partial<WizardChoices> = {}) {
  const choices = await wizardChoices(h.context(target.region).access, target, override);
  const result = await previewPlan({ ...opts, choices, user: operator });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result;
}

describe("apply refusals and recovery", () => {
  it("with the owner guard, refuses a plan that writes what a stack owns until given a reason, then records it", async () => {
    const p = await preview(rg("orders-redis7"));
    h.sandbox.control.resetCalls();
    const refusal = await startApply({
      ...opts,
      user: operator,
      previewId: p.previewId,
      ownerGuard: {},
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApplyRefusedError);
    expect((refusal as ApplyRefusedError).code).toBe("owned");
    expect((refusal as ApplyRefusedError).message).toContain(
      "replication-group orders-redis7 (ModifyReplicationGroup) is owned by CloudFormation stack orders-cache (OrdersReplicationGroup)",
    );
    // Only the re-read went out: no write, and the cluster's lock was given back.
    expect(Object.keys(h.sandbox.control.calls()).filter((c) => !/:(Describe|List|Get)/.test(c))).toEqual([]);
    const run = await (
      await startApply({
        ...opts,
        user: operator,
        previewId: p.previewId,
        ownerGuard: { overrideReason: "orders-cache is being retired" },
      })
    ).finished;
    expect(run.status).toBe("succeeded");
    expect(run.ownerOverride).toEqual({
      reason: "orders-cache is being retired",
      owned: [expect.stringContaining("is owned by CloudFormation stack orders-cache")],
    });
  });

  it("refuses a stale plan, says what moved, and changes nothing", async () => {
    const p = await preview(rg("legacy-redis5"));
    const { ctx } = h.context();
    await authorizeIngress(ctx, "sg-0cache00000000001", {
      protocol: "tcp",
      fromPort: 6380,
      toPort: 6380,
      source: { kind: "cidr", cidr: "10.0.0.0/16" },
    });
    const refusal = await startApply({
      ownerGuard: "off",
      ...opts,
      user: operator,
      previewId: p.previewId,
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(StalePlanError);
    expect((refusal as StalePlanError).changes).toEqual([
      "Inbound rules of sg-0cache00000000001 on port 6380: now tcp 6380 from 10.0.0.0/16, was none.",
    ]);
    await expect(listCacheParameterGroups(ctx, { name: "bullmq-redis5-0-noeviction" })).rejects.toMatchObject(
      { problem: { code: "not-found" } },
    );
    const fresh = await preview(rg("legacy-redis5"));
    expect(
      (
        await (
          await startApply({ ownerGuard: "off", ...opts, user: operator, previewId: fresh.previewId })
        ).finished
      ).status,
    ).toBe("succeeded");
  });

  it("stops at a failing step, says what was and was not done, and a new preview converges", async () => {
    h.sandbox.control.addFault({ operation: "ModifyReplicationGroup", kind: "5xx", region: "eu-west-1" });
    const first = await preview(rg("eu-orders", "eu-west-1"));
    const failed = await (
      await startApply({ ownerGuard: "off", ...opts, user: operator, previewId: first.previewId })
    ).finished;
    expect(failed.status).toBe("failed");
    expect(failed.steps.map((s) => s.status)).toEqual(["skipped", "done", "done", "failed", "pending"]);
    expect(failed.outcome).toEqual({
      done: [
        "Allow tcp 6379 from security group eu-app (sg-0euapp0000000001) into eu-cache (sg-0eucache000000001) (already in place)",
        "Create parameter group bullmq-redis7-noeviction (family redis7) (done)",
        "Set maxmemory-policy=noeviction in bullmq-redis7-noeviction (done)",
      ],
      notDone: [
        "Give eu-orders parameter group bullmq-redis7-noeviction",
        "Put memory alarm eu-orders-bullmq-memory (DatabaseMemoryUsageCountedForEvictPercentage > 80 % for 5 minutes): nobody will be notified",
      ],
    });
    expect(failed.message).toMatch(
      /^Stopped at step 4 \(Give eu-orders parameter group bullmq-redis7-noeviction\): .+ Preview again to go on from this state\.$/,
    );
    h.sandbox.control.clearFaults();
    const second = await preview(rg("eu-orders", "eu-west-1"));
    expect(second.plan.choices.parameterGroup).toEqual({ mode: "reuse", name: "bullmq-redis7-noeviction" });
    expect(second.plan.summaryLine).toBe("1 to create, 1 to change, 2 already in place");
    const done = await (
      await startApply({ ownerGuard: "off", ...opts, user: operator, previewId: second.previewId })
    ).finished;
    expect(done.status).toBe("succeeded");
    expect(done.readiness?.verdict).toBe("ready");
    const { access } = h.context("eu-west-1");
    const target = rg("eu-orders", "eu-west-1");
    expect(computePlan(await readTarget(access, target), await wizardChoices(access, target)).converged).toBe(
      true,
    );
  });

  it("refuses a second apply on the same cluster while one runs", async () => {
    const p = await preview(rg("sessions-redis62"), {
      parameterGroup: {
        mode: "edit-shared",
        name: "shared-lru-redis6",
        confirmedClusters: ["cache-redis62"],
      },
    });
    expect(p.plan.steps.find((s) => s.kind === "modify-parameter-group")?.touches).toEqual(["cache-redis62"]);
    const [a, b] = await Promise.allSettled([
      startApply({ ownerGuard: "off", ...opts, user: operator, previewId: p.previewId }),
      startApply({
        ownerGuard: "off",
        ...opts,
        user: { name: "bob", role: "operator" },
        previewId: p.previewId,
      }),
    ]);
    expect(a.status).toBe("fulfilled");
    expect(b.status === "rejected" && b.reason).toBeInstanceOf(ApplyRefusedError);
    expect(b.status === "rejected" && (b.reason as Error).message).toMatch(
      /^An apply on sessions-redis62 is already running \(started by operator at \d\d:\d\d UTC\)\.$/,
    );
    const run = await (a as PromiseFulfilledResult<Awaited<ReturnType<typeof startApply>>>).value.finished;
    expect(run.status).toBe("succeeded");
    const again = await startApply({
      ownerGuard: "off",
      ...opts,
      user: operator,
      previewId: p.previewId,
    }).catch((e: unknown) => e);
    expect((again as StalePlanError).changes).toContain(
      "maxmemory-policy in shared-lru-redis6: now noeviction, was allkeys-lru.",
    );
  });

  it("refuses viewers, and a busy cluster's plan", async () => {
    const p = await preview(rg("busy-redis7"));
    expect(p.plan.blockers).toEqual([
      "busy-redis7 is modifying: AWS refuses changes until it is available. Preview again once it is.",
    ]);
    await expect(
      startApply({
        ownerGuard: "off",
        ...opts,
        user: { name: "viewer", role: "viewer" },
        previewId: p.previewId,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      startApply({ ownerGuard: "off", ...opts, user: operator, previewId: p.previewId }),
    ).rejects.toMatchObject({
      code: "blocked",
    });
  });

  it("gives up after the time limit with a clear message", async () => {
    h.sandbox.control.configure({ applyDelayMs: 60_000 });
    const p = await preview(rg("orders-redis7"));
    const run = await (
      await startApply({
        ownerGuard: "off",
        ...opts,
        timeLimitMs: 600,
        user: operator,
        previewId: p.previewId,
      })
    ).finished;
    expect(run.status).toBe("timed-out");
    expect(run.message).toMatch(
      /^Gave up waiting after 1 s: the cluster is modifying; bullmq-redis7-noeviction applying \(all 2 nodes\)[.;] .*AWS keeps applying on its own/,
    );
  });
});
