/**
 * `npm run plan -- --cluster NAME --out p.json` then `npm run apply -- p.json --yes` on a MemoryDB cluster:
 * the volatile-lru cluster ends on a new noeviction group, in sync, with its custom values carried over.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listMemoryDbClusters, listMemoryDbParameters } from "@/lib/adapters/aws/memorydb/reads";
import { updateMemoryDbCluster, updateMemoryDbParameterGroup } from "@/lib/adapters/aws/memorydb/writes";
import { readPlanFile } from "@/tools/testing/cli-helpers";
import { planApplyHarness } from "@/tools/testing/plan-apply-harness";

const cli = planApplyHarness({ tmpPrefix: "qr-cli-plan-memorydb-" });
const { h, plan, apply } = cli;

describe("npm run plan then npm run apply on a MemoryDB cluster", () => {
  it(
    "moves prod-memdb-lru to a new noeviction group, in sync, its own values kept",
    { timeout: 60_000 },
    async () => {
      const { ctx } = h.context("us-east-1");
      // A value the team set on its custom group: the new group must carry it, or the move resets it.
      await updateMemoryDbParameterGroup(ctx, "prod-memdb-lru", [{ name: "timeout", value: "300" }]);
      // The cluster applies it on its own (updating, then in-sync): plan once it is available again.
      await expect
        .poll(async () => (await listMemoryDbClusters(ctx, { name: "prod-memdb-lru" }))[0]?.status)
        .toBe("available");
      const before = await listMemoryDbParameters(ctx, "prod-memdb-lru");
      const file = path.join(cli.dir, `p-${cli.testNumber}.json`);
      const planned = await plan(["--region", "us-east-1", "--cluster", "prod-memdb-lru", "--out", file]);
      expect(planned.stderr).not.toContain("Not found");
      expect(planned.code, planned.stdout + planned.stderr).toBe(1);
      const [target] = (await readPlanFile(file)).targets;
      const steps = target!.plan.steps;
      expect(steps.filter((s) => s.action !== "no-op").map((s) => s.kind)).toEqual([
        "create-memorydb-parameter-group",
        "update-memorydb-parameter-group",
        "update-memorydb-cluster",
      ]);
      const create = steps.find((s) => s.kind === "create-memorydb-parameter-group")!;
      expect(create.input).toMatchObject({
        name: "bullmq-memorydb-redis7-noeviction",
        family: "memorydb_redis7",
      });
      const update = steps.find((s) => s.kind === "update-memorydb-parameter-group")!;
      expect(update.input.values).toEqual([
        { name: "maxmemory-policy", value: "noeviction" },
        { name: "timeout", value: "300" },
      ]);

      const applied = await apply([file, "--yes"]);
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
      expect(applied.stdout).toMatch(/Apply finished: 1 of 1 Ready\./);

      const [cluster] = await listMemoryDbClusters(ctx, { name: "prod-memdb-lru" });
      expect(cluster).toMatchObject({
        status: "available",
        parameterGroupName: "bullmq-memorydb-redis7-noeviction",
        parameterGroupStatus: "in-sync",
      });
      const after = await listMemoryDbParameters(ctx, "bullmq-memorydb-redis7-noeviction");
      const value = (list: typeof after, name: string) => list.find((p) => p.name === name)?.value;
      expect(value(after, "maxmemory-policy")).toBe("noeviction");
      expect(value(after, "timeout")).toBe("300");
      // Every other value of the old custom group is what it was: nothing reset by the move.
      for (const p of before.filter((p) => p.name !== "maxmemory-policy"))
        expect(value(after, p.name), p.name).toBe(p.value);

      const again = await plan(["--region", "us-east-1", "--cluster", "prod-memdb-lru", "--json"]);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).targets).toEqual([]);
    },
  );

  it("two clusters planned together each get a group of their own", { timeout: 60_000 }, async () => {
    const { ctx } = h.context("us-east-1");
    // prod-memdb-default joins the volatile-lru group: now both need a new group of the same family.
    await updateMemoryDbCluster(ctx, "prod-memdb-default", { parameterGroupName: "prod-memdb-lru" });
    const file = path.join(cli.dir, `p-${cli.testNumber}.json`);
    const args = ["--region", "us-east-1", "--cluster", "prod-memdb-lru", "--cluster", "prod-memdb-default"];
    await expect
      .poll(async () => (await listMemoryDbClusters(ctx, { name: "prod-memdb-default" }))[0]?.status)
      .toBe("available");
    const planned = await plan([...args, "--out", file]);
    expect(planned.code, planned.stdout + planned.stderr).toBe(1);
    const names = (await readPlanFile(file)).targets.map((t) => {
      const create = t.plan.steps.find((s) => s.kind === "create-memorydb-parameter-group");
      return `${t.plan.target.id}:${create?.input.name}`;
    });
    expect(names.sort()).toEqual([
      "prod-memdb-default:bullmq-memorydb-redis7-noeviction",
      "prod-memdb-lru:bullmq-memorydb-redis7-noeviction-2",
    ]);
    const applied = await apply([file, "--yes"]);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/Apply finished: 2 of 2 Ready\./);
  });
});
