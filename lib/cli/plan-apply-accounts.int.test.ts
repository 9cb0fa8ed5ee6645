/**
 * `npm run plan -- --all-accounts | --account ID` and `npm run apply` across the seeded organization
 * (tools/sandbox/SEED.md): staging 210987654321, payments 345678901234, research 456789012345 (its role trusts
 * nobody). Plans carry each target's account; apply uses each account's APPLY credentials and refuses a plan
 * for an account QueueReady is not set up for.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PAYMENTS_ID, RESEARCH_ID, SANDBOX_EXTERNAL_ID, STAGING_ID } from "@/tools/sandbox";
import { MANAGEMENT_ACCOUNT_ID } from "@/tools/sandbox";
import { OWN_CREDENTIALS } from "@/lib/services/estate/estate";
import { serializePlanFile, signPlanFile, withHash, type PlanFile } from "@/lib/core/plan-file";
import { TEST_PLAN_SIGNING_KEY, testPlanKey } from "@/tools/testing/plan-key";
import type { Database } from "@/lib/adapters/db";
import { captureIo, readPlanFile } from "@/tools/testing/cli-helpers";
import { memoryDatabase } from "@/tools/testing/test-db";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { runApplyCli } from "./run-apply";
import { runPlanCli } from "./run-plan";

const h = sandboxPerFile({ applyDelayMs: 50 });
let dir: string;
let database: Database | undefined;

const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const FILES = {
  organization: { organization: { externalId: SANDBOX_EXTERNAL_ID } },
  // Staging read through its read-only role, applied through its apply role.
  staging: {
    accounts: [
      {
        id: STAGING_ID,
        name: "staging",
        roleArn: role(STAGING_ID, "QueueReadyAudit"),
        applyRoleArn: role(STAGING_ID, "QueueReadyApply"),
        externalId: SANDBOX_EXTERNAL_ID,
      },
    ],
  },
  paymentsOnly: {
    accounts: [
      {
        id: PAYMENTS_ID,
        roleArn: role(PAYMENTS_ID, "OrganizationAccountAccessRole"),
        externalId: SANDBOX_EXTERNAL_ID,
      },
    ],
  },
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "qr-cli-accounts-"));
  for (const [name, body] of Object.entries(FILES))
    await writeFile(path.join(dir, `${name}.json`), JSON.stringify(body));
});
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  h.sandbox.control.reset();
  await database?.close();
  database = await memoryDatabase();
});

const env = (accounts: keyof typeof FILES): NodeJS.ProcessEnv => ({
  NODE_ENV: "test",
  QUEUEREADY_ACCOUNTS_FILE: path.join(dir, `${accounts}.json`),
  QUEUEREADY_REGIONS: "us-east-1,eu-west-1",
  QUEUEREADY_PLAN_SIGNING_KEY: TEST_PLAN_SIGNING_KEY,
});

async function plan(accounts: keyof typeof FILES, args: string[]) {
  const { out, io } = captureIo();
  return { code: await runPlanCli(args, env(accounts), io, { settings: h.settings }), ...out };
}

async function apply(accounts: keyof typeof FILES, args: string[]) {
  const { out, io } = captureIo();
  const tuning = {
    settings: h.settings,
    db: database!.db,
    pollInitialMs: 50,
    pollMaxMs: 200,
    watchEveryMs: 50,
  };
  return { code: await runApplyCli(args, env(accounts), io, { ...tuning, timeLimitMs: 15_000 }), ...out };
}

describe("npm run plan with accounts", () => {
  it("plans every reachable account with --all-accounts and names the one whose role trusts nobody", async () => {
    const file = path.join(dir, "org.plan.json");
    const r = await plan("organization", ["--all", "--all-accounts", "--region", "us-east-1", "--out", file]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`Could not plan account ${RESEARCH_ID} \\(research\\): .*cannot assume`),
    );
    const planFile = await readPlanFile(file);
    expect(planFile.accountIds).toEqual([MANAGEMENT_ACCOUNT_ID, STAGING_ID, PAYMENTS_ID].sort());
    const targets = planFile.targets.map((t) => [t.plan.target.accountId, t.plan.target.id]);
    expect(targets).toContainEqual([STAGING_ID, "stg-orders"]);
    expect(targets).toContainEqual([PAYMENTS_ID, "pay-ledger-redis62"]);
    expect(targets).toContainEqual([MANAGEMENT_ACCOUNT_ID, "orders-redis7"]);
    // Ready already, but with no memory alarm: their plan is that one step.
    const alarmOnly = planFile.targets
      .filter((t) => t.plan.steps.every((s) => s.kind === "put-metric-alarm" || s.action === "no-op"))
      .map((t) => [t.plan.target.accountId, t.plan.target.id]);
    expect(alarmOnly).toContainEqual([STAGING_ID, "stg-jobs-valkey8"]);
    expect(alarmOnly).toContainEqual([PAYMENTS_ID, "pay-queue-cluster"]);
    expect(r.stdout).toMatch(new RegExp(`stg-orders \\(account ${STAGING_ID}, us-east-1,`));
    // Each call names who it runs as: a member's role, the management account's own credentials.
    const runsAs = (account: string) => [
      ...new Set(
        planFile.targets
          .filter((t) => t.plan.target.accountId === account)
          .flatMap((t) => t.awsCalls.map((c) => c.iam?.runsAs)),
      ),
    ];
    expect(runsAs(STAGING_ID)).toEqual([role(STAGING_ID, "OrganizationAccountAccessRole")]);
    expect(runsAs(PAYMENTS_ID)).toEqual([role(PAYMENTS_ID, "OrganizationAccountAccessRole")]);
    expect(runsAs(MANAGEMENT_ACCOUNT_ID)).toEqual([OWN_CREDENTIALS]);
  });

  it("narrows to --account, and refuses an account that is not configured or cannot be reached", async () => {
    const one = await plan("organization", ["--all", "--account", PAYMENTS_ID, "--json"]);
    expect(one.code, one.stderr).toBe(1);
    const file = JSON.parse(one.stdout) as PlanFile;
    expect(file.accountIds).toEqual([PAYMENTS_ID]);
    expect(file.targets.map((t) => t.plan.target.id)).toEqual(["pay-ledger-redis62", "pay-queue-cluster"]);

    const unknown = await plan("organization", ["--all", "--account", "999999999999"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /Not among the configured accounts: 999999999999\. They are: .*210987654321 \(staging\)/,
    );
    const research = await plan("organization", ["--all", "--account", RESEARCH_ID]);
    expect(research.code).toBe(2);
    expect(research.stderr).toMatch(/cannot assume .*456789012345.*\n.*No account could be planned/);
  });
});

describe("npm run apply with accounts", () => {
  it(
    "applies a staging plan with staging's apply role (its read role may not write)",
    { timeout: 60_000 },
    async () => {
      const file = path.join(dir, "staging.plan.json");
      const planned = await plan("staging", [
        "--cluster",
        "stg-orders",
        "--account",
        STAGING_ID,
        "--out",
        file,
      ]);
      expect(planned.code, planned.stderr).toBe(1);
      const planFile = await readPlanFile(file);
      expect(planFile.accountIds).toEqual([STAGING_ID]);
      // The apply role, not the read role, with each call's actions (what its owner must grant).
      const calls = planFile.targets[0]!.awsCalls;
      expect(calls.find((c) => c.operation === "ModifyReplicationGroup")?.iam).toEqual({
        runsAs: role(STAGING_ID, "QueueReadyApply"),
        actions: ["elasticache:ModifyReplicationGroup"],
      });

      // A file without the role (as made before it was recorded) applies as before, once signed.
      const old = path.join(dir, "staging-old.plan.json");
      const stripped = structuredClone(planFile);
      for (const t of stripped.targets) for (const c of t.awsCalls) delete c.iam;
      await writeFile(old, serializePlanFile(signPlanFile(withHash(stripped), testPlanKey())));
      const applied = await apply("staging", [old, "--yes"]);
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
      expect(applied.stdout).toMatch(new RegExp(`stg-orders \\(${STAGING_ID}, us-east-1\\)`));
      expect(applied.stdout).toMatch(/Apply finished: 1 of 1 Ready\./);
      const again = await plan("staging", ["--cluster", "stg-orders", "--account", STAGING_ID]);
      expect(again.code, again.stdout).toBe(0);
    },
  );

  it("refuses a plan whose account is not configured, and applies nothing", async () => {
    const file = path.join(dir, "staging-elsewhere.plan.json");
    expect(
      (await plan("staging", ["--cluster", "stg-orders", "--account", STAGING_ID, "--out", file])).code,
    ).toBe(1);
    const refused = await apply("paymentsOnly", [file, "--yes"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(
        `not set up for, so nothing was applied\\. Not among the configured accounts: ${STAGING_ID}\\.`,
      ),
    );
    expect(refused.stdout).not.toMatch(/Apply finished/);
    expect((await plan("staging", ["--cluster", "stg-orders", "--account", STAGING_ID])).code).toBe(1);
  });

  it("without a file uses the organization's accounts: a member whose role cannot be assumed is refused", async () => {
    const file = path.join(dir, "payments.plan.json");
    expect((await plan("organization", ["--all", "--account", PAYMENTS_ID, "--out", file])).code).toBe(1);
    const { out, io } = captureIo();
    const env = { NODE_ENV: "test" as const, QUEUEREADY_PLAN_SIGNING_KEY: TEST_PLAN_SIGNING_KEY };
    const code = await runApplyCli([file, "--yes"], env, io, {
      settings: h.settings,
      db: database!.db,
    });
    // The organization default carries no ExternalId, which payments' role requires.
    expect(code, out.stdout + out.stderr).toBe(1);
    expect(out.stdout).toMatch(
      new RegExp(
        `REFUSED, nothing was applied to pay-ledger-redis62:\\n    - Account ${PAYMENTS_ID} \\(payments\\): QueueReady cannot assume`,
      ),
    );
    expect(out.stdout).toMatch(/Apply finished: 0 of 2 Ready\./);
  });
});
