/**
 * `npm run audit -- --all-accounts` against the seeded organization (tools/sandbox/SEED.md): every
 * account's verdicts, the member whose role trusts nobody as Unknown with the reason, the others unaffected.
 */
import { parseCsv } from "@/tools/testing/csv";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/tools/sandbox";
import { runCliProcess, sandboxCliEnv } from "@/tools/testing/cli-helpers";
import { SEED_VERDICTS } from "@/tools/testing/fixtures";

let sandbox: RunningSandbox;
let home: string;
let accountsFile: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  home = mkdtempSync(path.join(tmpdir(), "queueready-accounts-"));
  accountsFile = path.join(home, "accounts.json");
  writeFileSync(accountsFile, JSON.stringify({ organization: { externalId: "queueready-sandbox" } }));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(home, { recursive: true, force: true });
});

const runCli = (args: string[], extra: Record<string, string> = {}) =>
  runCliProcess(
    "lib/cli/audit.ts",
    args,
    sandboxCliEnv({
      endpoint: sandbox.url,
      home,
      extra: { QUEUEREADY_ACCOUNTS_FILE: accountsFile, ...extra },
    }),
  );

type Row = { accountId: string; accountName: string; region: string; name: string; verdict: string };

describe("npm run audit -- --all-accounts (spawned against the seeded organization)", () => {
  it("judges every cluster of every account; the untrusting member is Unknown with the reason", async () => {
    const { code, stdout, stderr } = await runCli(["--all-accounts", "--json"]);
    expect(code).toBe(1);
    const exported = JSON.parse(stdout) as {
      accounts: {
        accountId: string;
        accountName: string;
        problem?: string;
        regions: { region: string; failed?: string }[];
      }[];
      clusters: Row[];
    };
    const verdicts: Record<string, Record<string, Record<string, string>>> = {};
    for (const c of exported.clusters) ((verdicts[c.accountId] ??= {})[c.region] ??= {})[c.name] = c.verdict;
    expect(verdicts).toEqual({
      "123456789012": SEED_VERDICTS,
      "210987654321": {
        "us-east-1": {
          "stg-orders": "needs-changes",
          "stg-jobs-valkey8": "ready",
          "stg-memdb-default": "ready",
          "stg-memdb-lru": "needs-changes",
          "stg-memdb-valkey": "ready",
        },
      },
      "345678901234": {
        "us-east-1": { "pay-ledger-redis62": "needs-changes", "pay-queue-cluster": "ready" },
      },
    });
    // Members' empty regions are audited (and empty), not skipped.
    expect(exported.accounts.flatMap((a) => a.regions.map((r) => `${a.accountId}/${r.region}`))).toEqual([
      "123456789012/us-east-1",
      "123456789012/eu-west-1",
      "210987654321/us-east-1",
      "210987654321/eu-west-1",
      "345678901234/us-east-1",
      "345678901234/eu-west-1",
    ]);
    const research = exported.accounts.find((a) => a.accountId === "456789012345")!;
    expect(research).toMatchObject({
      accountId: "456789012345",
      accountName: "research",
      problem:
        "QueueReady cannot assume arn:aws:iam::456789012345:role/OrganizationAccountAccessRole (AccessDenied): its trust policy must allow QueueReady's identity with the configured ExternalId.",
    });
    expect(exported.accounts.map((a) => a.accountName)).toEqual([
      "management",
      "staging",
      "payments",
      "research",
    ]);
    // What it covered comes first on stderr, then what it could not judge.
    expect(stderr).toContain("Audited 3 of 4 accounts, 6 account-regions in us-east-1, eu-west-1:\n");
    expect(stderr).toContain(`  research (456789012345): not read: ${research.problem}\n`);
    expect(stderr).toMatch(new RegExp(`\\nUnknown: every cluster of research \\(456789012345\\): .*\\n$`));
  });

  it("--account narrows to the named accounts; the table shows each account and exits 0 when all is Ready", async () => {
    const table = await runCli([
      "--account",
      "210987654321",
      "--account",
      "456789012345",
      "--region",
      "us-east-1",
    ]);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/^== staging \(210987654321\)\n/);
    expect(table.stdout).toMatch(
      /^Ready\s+stg-jobs-valkey8\s+valkey 8\.0\.1\s+us-east-1\s+stg-bullmq \/ noeviction/m,
    );
    expect(table.stdout).toMatch(/^== research \(456789012345\)\nUnknown: every cluster of research/m);
    expect(table.stdout).toContain(
      "2 accounts, 5 clusters: 3 Ready, 2 Needs changes; 1 account or region Unknown.",
    );

    const ready = await runCli(["--account", "345678901234", "--cluster", "pay-queue-cluster", "--csv"]);
    expect(ready.code).toBe(0);
    expect(ready.stderr).toBe(
      "Audited 1 of 1 account, 2 account-regions in us-east-1, eu-west-1:\n  payments (345678901234): us-east-1, eu-west-1\n",
    );
    expect(ready.stdout).toMatch(/^account_id,account_name,region,name,kind,verdict,/);
    expect(
      parseCsv(ready.stdout)
        .slice(1)
        .map((r) => r.slice(0, 6).join(",")),
    ).toEqual(["345678901234,payments,us-east-1,pay-queue-cluster,replication-group,ready"]);
  });

  it("exits 2 for an account that is not configured and for a malformed accounts file", async () => {
    const unknown = await runCli(["--account", "111111111111"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^Not among the configured accounts: 111111111111\. They are: 123456789012 \(management\), /,
    );
    const bad = path.join(home, "bad.json");
    writeFileSync(bad, '{\n  "organization": {\n    "exclude": ["12"]\n  }\n}\n');
    const malformed = await runCli(["--all-accounts"], { QUEUEREADY_ACCOUNTS_FILE: bad });
    expect([malformed.code, malformed.stderr]).toEqual([
      2,
      `${bad}:3: organization.exclude.0 must be a 12-digit AWS account id\n`,
    ]);
  });
});
