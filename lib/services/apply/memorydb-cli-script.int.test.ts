/**
 * The AWS CLI script a MemoryDB plan exports (lib/core/plan/render-cli.ts), run by bash with the real `aws`
 * binary against the sandbox: it leaves the cluster on the new noeviction group, with the carried value.
 * Skipped, with the reason printed, only when no `aws` binary is on PATH.
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { listMemoryDbClusters, listMemoryDbParameters } from "@/lib/adapters/aws/memorydb/reads";
import { updateMemoryDbParameterGroup } from "@/lib/adapters/aws/memorydb/writes";
import { renderCli } from "@/lib/core/plan";
import { awsCliEnv } from "@/tools/testing/cli-helpers";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { wizardChoices } from "@/tools/testing/apply-helpers";
import { planFromLiveState } from "./plan-live";

const run = promisify(execFile);
const hasAws = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasAws) console.warn("memorydb-cli-script.int.test.ts skipped: no `aws` binary on PATH.");

const h = sandboxPerFile({ applyDelayMs: 50 });
const target = { region: "us-east-1", kind: "memorydb-cluster", id: "prod-memdb-lru" } as const;

describe.skipIf(!hasAws)("the exported AWS CLI script of a MemoryDB plan", () => {
  it("runs as is and converges the cluster", { timeout: 60_000 }, async () => {
    const { ctx, access } = h.context();
    await updateMemoryDbParameterGroup(ctx, "prod-memdb-lru", [{ name: "timeout", value: "300" }]);
    await expect
      .poll(async () => (await listMemoryDbClusters(ctx, { name: target.id }))[0]?.status)
      .toBe("available");
    const result = await planFromLiveState(access, await wizardChoices(access, target));
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    const script = renderCli(result.plan);
    expect(script).toContain("aws memorydb create-parameter-group");
    const env = awsCliEnv({ AWS_ENDPOINT_URL: h.sandbox.url });
    // Async on purpose: a synchronous child would block the event loop the in-process sandbox answers on.
    await run("bash", ["-c", script], { env });
    await expect
      .poll(async () => (await listMemoryDbClusters(ctx, { name: target.id }))[0], { timeout: 10_000 })
      .toMatchObject({
        parameterGroupName: "bullmq-memorydb-redis7-noeviction",
        parameterGroupStatus: "in-sync",
      });
    const values = await listMemoryDbParameters(ctx, "bullmq-memorydb-redis7-noeviction");
    expect(values.find((p) => p.name === "maxmemory-policy")?.value).toBe("noeviction");
    expect(values.find((p) => p.name === "timeout")?.value).toBe("300");
  });
});
