/**
 * The AWS CLI (botocore's awsJson1_1 serializer and parser) against the sandbox's MemoryDB. Skipped, with
 * the reason printed, only when no `aws` binary is on PATH.
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox/index";
import { awsCliEnv } from "@/tools/testing/cli-helpers";

const run = promisify(execFile);
const hasAws = spawnSync("aws", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasAws) console.warn("memorydb aws-cli.test.ts skipped: no `aws` binary on PATH.");

let sb: RunningSandbox;
beforeAll(async () => {
  if (hasAws) sb = await startSandbox({ port: 0, applyDelayMs: 100 });
});
afterAll(async () => {
  await sb?.close();
});

// Async on purpose: a synchronous child would block the event loop the in-process sandbox answers on.
async function aws(...args: string[]): Promise<{ code: number; out: unknown; err: string }> {
  const env = awsCliEnv();
  try {
    const { stdout } = await run(
      "aws",
      ["--endpoint-url", sb.url, "--region", "us-east-1", "--output", "json", "memorydb", ...args],
      { env },
    );
    return { code: 0, out: stdout.trim() ? JSON.parse(stdout) : undefined, err: "" };
  } catch (e) {
    const failed = e as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, out: undefined, err: failed.stderr ?? "" };
  }
}

describe.skipIf(!hasAws)("aws memorydb against the sandbox", () => {
  it("describe-clusters pages through every cluster with shard details", async () => {
    const { code, out } = await aws("describe-clusters", "--show-shard-details", "--page-size", "1");
    expect(code).toBe(0);
    const clusters = (out as { Clusters: Array<{ Name: string; Shards: unknown[]; TLSEnabled: boolean }> })
      .Clusters;
    expect(clusters.map((c) => [c.Name, c.Shards.length, c.TLSEnabled])).toEqual([
      ["prod-memdb-default", 1, true],
      ["prod-memdb-lru", 2, true],
      ["prod-memdb-valkey", 1, true],
    ]);
  });

  it("describe-parameters shows the volatile-lru the audit flags", async () => {
    const { out } = await aws("describe-parameters", "--parameter-group-name", "prod-memdb-lru");
    const rows = (out as { Parameters: Array<{ Name: string; Value: string }> }).Parameters;
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.find((p) => p.Name === "maxmemory-policy")?.Value).toBe("volatile-lru");
  });

  it("update-parameter-group and update-cluster round-trip, and errors carry MemoryDB's codes", async () => {
    expect(
      (await aws("create-parameter-group", "--parameter-group-name", "cli-g", "--family", "memorydb_redis7"))
        .code,
    ).toBe(0);
    const updated = await aws(
      "update-parameter-group",
      "--parameter-group-name",
      "cli-g",
      "--parameter-name-values",
      "ParameterName=maxmemory-policy,ParameterValue=noeviction",
    );
    expect(updated.out).toEqual({
      ParameterGroup: {
        Name: "cli-g",
        Family: "memorydb_redis7",
        Description: "",
        ARN: "arn:aws:memorydb:us-east-1:123456789012:parametergroup/cli-g",
      },
    });
    const cluster = await aws(
      "update-cluster",
      "--cluster-name",
      "prod-memdb-lru",
      "--parameter-group-name",
      "cli-g",
    );
    expect((cluster.out as { Cluster: { ParameterGroupStatus: string } }).Cluster.ParameterGroupStatus).toBe(
      "applying",
    );
    const missing = await aws("describe-clusters", "--cluster-name", "nope");
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain("(ClusterNotFoundFault)");
  });
});
