import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { CSV_COLUMNS } from "@/lib/core/readiness/csv";
import { parseCsv } from "@/tools/testing/csv";
import { runCliProcess, sandboxCliEnv } from "@/tools/testing/cli-helpers";
import { SEED_VERDICTS } from "@/tools/testing/fixtures";

let sandbox: RunningSandbox;
let home: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  // An empty HOME: no ~/.aws of whoever runs the tests leaks into the "no credentials" case.
  home = mkdtempSync(path.join(tmpdir(), "queueready-cli-"));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(home, { recursive: true, force: true });
});

/** Runs the real entry point the way `npm run audit` does (tsx), with only the env we give it. */
const runCli = (args: string[], opts: { credentials?: boolean } = {}) =>
  runCliProcess(
    "lib/cli/audit.ts",
    args,
    sandboxCliEnv({ endpoint: sandbox.url, home, credentials: opts.credentials }),
  );

describe("npm run audit (spawned against the sandbox)", () => {
  it("exits 1 on the seeded account and prints every cluster of both configured regions", async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(1);
    // Only what it covered, on stderr, so stdout stays the table (or valid JSON / CSV).
    expect(stderr).toBe(
      "Audited 1 of 1 account, 2 account-regions in us-east-1, eu-west-1:\n  123456789012 (123456789012): us-east-1, eu-west-1\n",
    );
    expect(stdout).toContain(
      "18 clusters in us-east-1, eu-west-1 (account 123456789012): 5 Ready, 9 Needs changes, 3 Incompatible, 1 Not applicable.",
    );
    expect(stdout).toMatch(
      /^Needs changes\s+legacy-redis5\s+redis 5\.0\.6\s+us-east-1\s+default\.redis5\.0 \/ volatile-lru\s+fail: /m,
    );
  });

  it("exits 0 when every targeted cluster is Ready, with the JSON export", async () => {
    const { code, stdout } = await runCli([
      "--region",
      "us-east-1",
      "--region",
      "eu-west-1",
      "--cluster",
      "jobs-valkey8",
      "--cluster",
      "eu-jobs-valkey7",
      "--json",
    ]);
    expect(code).toBe(0);
    const exported = JSON.parse(stdout);
    expect(exported.summary).toEqual({
      ready: 2,
      "needs-changes": 0,
      incompatible: 0,
      "not-applicable": 0,
      unknown: 0,
    });
    expect(
      exported.clusters.map((c: { region: string; name: string; verdict: string }) => [
        c.region,
        `${c.name}:${c.verdict}`,
      ]),
    ).toEqual([
      ["us-east-1", "jobs-valkey8:ready"],
      ["eu-west-1", "eu-jobs-valkey7:ready"],
    ]);
  });

  it("names each cluster's owner in the JSON and the CSV (SEED.md, CloudFormation)", async () => {
    const json = await runCli(["--region", "us-east-1", "--json"]);
    const owners = Object.fromEntries(
      JSON.parse(json.stdout).clusters.map((c: { name: string; owner: unknown }) => [c.name, c.owner]),
    );
    expect(owners["orders-redis7"]).toEqual({
      tool: "cloudformation",
      stack: "orders-cache",
      logicalId: "OrdersReplicationGroup",
      evidence: expect.stringContaining("ListStackResources orders-cache (us-east-1)"),
    });
    expect(owners["secure-redis7"]).toMatchObject({ tool: "cloudformation", stack: "secure-cache" });
    expect(owners["sessions-redis62"]).toBeNull();
    // The fullest node's memory use (CloudWatch, SEED.md): secure-redis7 is above 80 %, warned about.
    const secure = JSON.parse(json.stdout).clusters.find((c: { name: string }) => c.name === "secure-redis7");
    expect(secure.memoryUse).toEqual({
      cacheClusterId: "secure-redis7-001",
      percent: expect.closeTo(82.56, 2),
    });
    expect(secure.findings).toContainEqual({
      ruleId: "memory-alarm",
      severity: "warn",
      title: "secure-redis7-001 is at 82.6 % of maxmemory",
    });
    const csv = await runCli(["--region", "us-east-1", "--csv"]);
    const [header, ...rows] = parseCsv(csv.stdout);
    const cell = (row: string[], name: string) => row[header!.indexOf(name)];
    const byName = Object.fromEntries(rows.map((r) => [cell(r, "name"), cell(r, "owner")]));
    expect(byName["orders-redis7"]).toBe("cloudformation orders-cache/OrdersReplicationGroup");
    expect(byName["jobs-valkey8"]).toBe("");
  });

  it("exports CSV rows whose verdicts match SEED.md", async () => {
    const { code, stdout } = await runCli(["--region", "eu-west-1", "--csv"]);
    const [header, ...rows] = parseCsv(stdout);
    expect(code).toBe(1);
    // The same columns as the app's stored export; the live audit is never stale.
    expect(header).toEqual([...CSV_COLUMNS]);
    const cell = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(Object.fromEntries(rows.map((r) => [cell(r, "name"), cell(r, "verdict")]))).toEqual(
      SEED_VERDICTS["eu-west-1"],
    );
    expect(new Set(rows.map((r) => cell(r, "stale_reason")))).toEqual(new Set([""]));
    expect(rows.every((r) => !Number.isNaN(Date.parse(cell(r, "audited_at") ?? "")))).toBe(true);
  });

  it.each([
    {
      case: "a cluster that does not exist",
      args: ["--region", "us-east-1", "--cluster", "nope"],
      stderr: "Not found in us-east-1: nope.",
    },
    {
      case: "a malformed region",
      args: ["--region", "moon"],
      stderr: '--region "moon" is not an AWS region name',
    },
    { case: "an unknown flag", args: ["--regoin", "us-east-1"], stderr: "Usage: npm run -s audit" },
  ])("exits 2 on $case", async ({ args, stderr }) => {
    const result = await runCli(args);
    expect([result.code, result.stdout]).toEqual([2, ""]);
    expect(result.stderr).toContain(stderr);
  });

  it("exits 2 without credentials and says how to provide them", async () => {
    const { code, stdout, stderr } = await runCli(["--region", "us-east-1"], { credentials: false });
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toContain("Could not audit us-east-1: QueueReady found no AWS credentials.");
  });
});
