/**
 * The terminal path against a running demo: `audit`, `plan` and `apply` take `--demo` and cover what the
 * demo's app covers (the seeded organization's accounts, both regions), say on stderr what they covered,
 * and an apply beside the running app (which holds the embedded database) lands in the app's history.
 * Here the "app" is this process holding `.queueready/pglite`, as the demo's server does.
 */
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDefaultDatabase, openDatabase, type Database } from "@/lib/adapters/db";
import { listRuns } from "@/lib/adapters/db/runs";
import { writeDemoEndpoint } from "@/lib/launch/demo-endpoint";
import { clearEstate } from "@/lib/services/estate/estate";
import { captureIo, readPlanFile } from "@/tools/testing/cli-helpers";
import { writeDemoAccountsFile } from "@/tools/demo/demo-accounts";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { runAuditCli } from "./run-audit";
import { runApplyCli } from "./run-apply";
import { runPlanCli } from "./run-plan";
import { TEST_PLAN_SIGNING_KEY } from "@/tools/testing/plan-key";
import { parseCsv } from "@/tools/testing/csv";

let sandbox: RunningSandbox;
let root: string;
let app: Database;
const env = { NODE_ENV: "test", AWS_PROFILE: "prod-admin" } as NodeJS.ProcessEnv;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, applyDelayMs: 50 });
  root = mkdtempSync(path.join(tmpdir(), "qr-demo-cli-"));
  const dataDir = path.join(root, ".queueready");
  mkdirSync(dataDir, { recursive: true });
  writeDemoAccountsFile(dataDir);
  writeDemoEndpoint(root, {
    url: sandbox.url,
    regions: ["us-east-1", "eu-west-1"],
    planSigningKey: TEST_PLAN_SIGNING_KEY,
  });
  // The demo's app: it holds the embedded database for as long as it runs.
  app = await openDatabase({ kind: "embedded", dataDir });
  vi.stubEnv("QUEUEREADY_DATA_DIR", dataDir);
  clearEstate();
}, 60_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await closeDefaultDatabase();
  await app?.close();
  await sandbox?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("the CLI against the running demo", () => {
  it("audit --demo reads every account of the demo's organization in both regions, and says so on stderr", async () => {
    const { out, io } = captureIo();
    const code = await runAuditCli(["--demo", "--json"], env, io, root);
    expect(code).toBe(1);
    const doc = JSON.parse(out.stdout);
    expect(doc.accounts.map((a: { accountId: string }) => a.accountId).sort()).toEqual([
      "123456789012",
      "210987654321",
      "345678901234",
      "456789012345",
    ]);
    expect(doc.clusters.length).toBe(25);
    expect(out.stderr).toContain("Audited 3 of 4 accounts, 6 account-regions in us-east-1, eu-west-1:");
    expect(out.stderr).toMatch(/research \(456789012345\): not read: /);
  });

  it("audit --demo --csv has a row for the account it could not read, verdict unknown with the reason", async () => {
    const { out, io } = captureIo();
    expect(await runAuditCli(["--demo", "--csv"], env, io, root)).toBe(1);
    const rows = parseCsv(out.stdout);
    const research = rows.filter((r) => r[0] === "456789012345");
    expect(research).toHaveLength(1);
    expect(research[0]!.join(",")).toMatch(
      /^456789012345,research,,,not-read,unknown,,,not read,,,,,,0,0,1,\[unknown\] not-read: .*cannot assume/,
    );
    expect(rows).toHaveLength(1 + 1 + 25);
  });

  it("plan --demo --all plans in every readable account and region, and apply --demo beside the app records its runs in the app's history", async () => {
    const file = path.join(root, "demo.plan.json");
    const planned = captureIo();
    const code = await runPlanCli(["--demo", "--all", "--out", file], env, planned.io, { root });
    expect(code, planned.out.stderr).toBe(1);
    expect(planned.out.stderr).toContain(
      "Planned in 3 of 4 accounts, 6 account-regions in us-east-1, eu-west-1:",
    );
    const plan = await readPlanFile(file);
    const where = new Set(plan.targets.map((t) => `${t.plan.target.accountId}/${t.plan.target.region}`));
    expect(where).toContain("123456789012/eu-west-1");
    expect(where).toContain("210987654321/us-east-1");
    expect(where).toContain("345678901234/us-east-1");

    // Apply one account's part, as a person would after reviewing it.
    const one = path.join(root, "staging.plan.json");
    const staging = captureIo();
    expect(
      await runPlanCli(["--demo", "--cluster", "stg-orders", "--out", one, "--as", "ops"], env, staging.io, {
        root,
      }),
    ).toBe(1);
    const applied = captureIo();
    const result = await runApplyCli([one, "--yes", "--demo", "--as", "ops"], env, applied.io, {
      root,
      pollInitialMs: 50,
      pollMaxMs: 200,
      timeLimitMs: 30_000,
      watchEveryMs: 50,
    });
    expect(result, applied.out.stdout + applied.out.stderr).toBe(0);
    const runs = await listRuns(app.db);
    expect(runs.map((r) => [r.target.accountId, r.target.id, r.origin, r.user.name, r.status])).toEqual([
      ["210987654321", "stg-orders", "cli", "ops", "succeeded"],
    ]);
  }, 120_000);
});
