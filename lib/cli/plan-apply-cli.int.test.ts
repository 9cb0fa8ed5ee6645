import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listApplyRuns } from "@/lib/adapters/db/lookups";
import { authorizeIngress } from "@/lib/adapters/aws/ec2/writes";
import { listCacheParameterGroups } from "@/lib/adapters/aws/elasticache/reads";
import { listMemoryDbClusters } from "@/lib/adapters/aws/memorydb/reads";
import { modifyCacheParameterGroup } from "@/lib/adapters/aws/elasticache/writes";
import { randomBytes } from "node:crypto";
import { signPlanFile, withHash, type PlanFile } from "@/lib/core/plan-file";
import { testPlanKey } from "@/tools/testing/plan-key";
import { captureIo, readPlanFile, runCliProcess } from "@/tools/testing/cli-helpers";
import { expectLiveMatchesPlan } from "@/tools/testing/apply-helpers";
import { runApplyCli } from "./run-apply";
import { runPlanCli } from "./run-plan";
import { planApplyHarness } from "@/tools/testing/plan-apply-harness";

const cli = planApplyHarness({ tmpPrefix: "qr-cli-plan-" });
const { h, plan, apply, env, tuning } = cli;

/** The real entry point, as `npm run plan` runs it. */
const planProcess = (args: string[]) => runCliProcess("lib/cli/plan.ts", args, env());

/**
 * Every fixable seeded cluster, ElastiCache and MemoryDB (prod-memdb-lru, volatile-lru), and the ready ones
 * without a memory alarm (jobs-valkey8, eu-jobs-valkey7); the ready MemoryDB clusters get none.
 */
const FIXABLE = [
  "cache-redis62",
  "events-cluster",
  "jobs-valkey8",
  "legacy-redis5",
  "orders-redis7",
  "prod-memdb-lru",
  "sessions-redis62",
  "standalone-redis",
  "eu-jobs-valkey7",
  "eu-orders",
];

describe("npm run plan --all, then npm run apply", () => {
  it(
    "takes every fixable seeded cluster to Ready with the wizard's resources; a second plan is empty",
    { timeout: 120_000 },
    async () => {
      const file = path.join(cli.dir, "fleet.plan.json");
      const planned = await planProcess(["--all", "--out", file, "--as", "reviewer"]);
      expect(planned.code, planned.stderr).toBe(1);
      expect(planned.stdout).toMatch(
        /^Plan: 10 clusters to change \(19 to create, 15 to change\); 3 up to date, 1 blocked, 4 cannot be fixed\.$/m,
      );
      // The MemoryDB clusters are planned with the rest: the volatile-lru one changes, the default-group ones not.
      expect(planned.stdout).toMatch(
        /  \+ Create MemoryDB parameter group bullmq-memorydb-redis7-noeviction \(family memorydb_redis7\)/,
      );
      expect(planned.stdout).toMatch(/prod-memdb-default \(us-east-1\): up to date\./);
      expect(planned.stdout).toMatch(/prod-memdb-valkey \(us-east-1\): up to date\./);
      expect(planned.stdout).toMatch(
        /sessions-memcached \(us-east-1\): cannot be fixed\. sessions-memcached runs Memcached/,
      );
      expect(planned.stdout).toMatch(/serverless-queue \(us-east-1\): cannot be fixed/);
      expect(planned.stdout).toMatch(/ancient-redis4 \(us-east-1\): cannot be fixed/);
      expect(planned.stdout).toMatch(
        /  \+ Create parameter group bullmq-redis7-noeviction \(family redis7\)\n      CacheParameterGroupName: \(none\) → bullmq-redis7-noeviction/,
      );
      const fleet = await readPlanFile(file);
      expect(fleet.targets.map((t) => t.plan.target.id)).toEqual(FIXABLE);
      expect(fleet.createdBy).toEqual({ name: "reviewer", via: "cli" });
      expect(await readFile(file, "utf8")).not.toMatch(/sandbox-secret|AKIDSANDBOX/);

      // orders-redis7 and the cache-prod security group belong to the seeded orders-cache stack.
      const applied = await apply([file, "--yes", "--as", "ci-bot", "--override-owner", "sandbox drill"]);
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
      expect(applied.stdout).toContain('Applying despite owners (--override-owner "sandbox drill"):');
      expect(applied.stdout).toMatch(/Apply finished: 10 of 10 Ready\./);
      expect(applied.stdout).toMatch(
        /\[2\/5\] Create parameter group bullmq-redis7-noeviction \(family redis7\): done/,
      );
      for (const { plan: p } of fleet.targets)
        if (p.target.kind !== "memorydb-cluster") await expectLiveMatchesPlan(h.context(p.region).ctx, p);
      const [memoryDb] = await listMemoryDbClusters(h.context("us-east-1").ctx, { name: "prod-memdb-lru" });
      expect(memoryDb).toMatchObject({
        status: "available",
        parameterGroupName: "bullmq-memorydb-redis7-noeviction",
        parameterGroupStatus: "in-sync",
      });
      // What the wizard makes, one cluster after another: a second cluster of a family gets the next name.
      const created = async (region: string) =>
        (await listCacheParameterGroups(h.context(region).ctx))
          .map((g) => g.name)
          .filter((g) => g.startsWith("bullmq-"))
          .sort();
      expect(await created("us-east-1")).toEqual([
        "bullmq-redis5-0-noeviction",
        "bullmq-redis6-x-noeviction",
        "bullmq-redis6-x-noeviction-2",
        "bullmq-redis7-cluster-noeviction",
        "bullmq-redis7-noeviction",
        "bullmq-redis7-noeviction-2",
        "bullmq-valkey8",
      ]);
      expect(await created("eu-west-1")).toEqual(["bullmq-redis7-noeviction"]);

      // The history the browser reads: every run, marked as from the CLI, by the operator named.
      const runs = await listApplyRuns({ db: cli.db });
      expect(
        runs.map((r) => [r.target.id, r.origin, r.user.name, r.status, r.readiness?.verdict]).sort(),
      ).toEqual(FIXABLE.map((id) => [id, "cli", "ci-bot", "succeeded", "ready"]).sort());

      const again = await plan(["--all", "--json"]);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).targets).toEqual([]);
    },
  );
});

describe("npm run plan --out, then npm run apply, with values carried over", () => {
  it(
    "applies a plan whose new parameter group carries over a value set on the old one (noted in the file)",
    { timeout: 60_000 },
    async () => {
      // The release blocker: a user value on the replaced group gives the change a `note`, which the plan
      // file's reader refused ("Unrecognized key: note", exit 2).
      await modifyCacheParameterGroup(h.context().ctx, "shared-lru-redis6", [
        { name: "timeout", value: "300" },
      ]);
      const file = path.join(cli.dir, "carried.plan.json");
      const planned = await planProcess(["--cluster", "sessions-redis62", "--out", file]);
      expect(planned.code, planned.stderr).toBe(1);
      const text = await readFile(file, "utf8");
      const doc = JSON.parse(text) as PlanFile;
      const modify = doc.targets[0]!.plan.steps.find((s) => s.kind === "modify-parameter-group")!;
      expect(modify.input.values).toContainEqual({ name: "timeout", value: "300" });
      expect(modify.changes).toContainEqual(
        expect.objectContaining({
          attribute: "timeout",
          after: "300",
          note: "carried over from shared-lru-redis6",
        }),
      );

      const applied = await apply([file, "--yes"]);
      expect(applied.stderr).not.toMatch(/malformed/);
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
      expect(applied.stdout).toMatch(/Apply finished: 1 of 1 Ready\./);
      await expectLiveMatchesPlan(h.context().ctx, doc.targets[0]!.plan);
      const runs = await listApplyRuns({ db: cli.db });
      expect(runs.map((r) => [r.target.id, r.status])).toEqual([["sessions-redis62", "succeeded"]]);
    },
  );
});

describe("npm run apply refuses", () => {
  it(
    "a plan that changes what a CloudFormation stack owns, naming it, with no AWS write unless overridden",
    { timeout: 60_000 },
    async () => {
      const file = path.join(cli.dir, "owned.plan.json");
      expect(
        (await plan(["--cluster", "orders-redis7", "--cluster", "standalone-redis", "--out", file])).code,
      ).toBe(1);
      h.sandbox.control.resetCalls();
      const refused = await apply([file, "--yes"]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        "REFUSED, nothing was applied: the plan changes resources another tool owns.",
      );
      expect(refused.stderr).toContain(
        "orders-redis7: replication-group orders-redis7 (ModifyReplicationGroup) is owned by CloudFormation stack orders-cache (OrdersReplicationGroup)",
      );
      expect(refused.stderr).toContain('--override-owner "REASON"');
      // Only reads went out, and no run was recorded.
      // CloudWatch reads memory with GetMetricData: a read, like the Describe and List calls.
      const writes = Object.keys(h.sandbox.control.calls()).filter((op) => !/:(Describe|List|Get)/.test(op));
      expect(writes.filter((op) => op !== "sts:GetCallerIdentity")).toEqual([]);
      expect(await listApplyRuns({ db: cli.db })).toEqual([]);

      expect((await apply([file, "--yes", "--override-owner", "x"])).stderr).toMatch(
        /--override-owner needs a reason/,
      );
      const overridden = await apply([file, "--yes", "--override-owner", "stack being retired"]);
      expect(overridden.code, overridden.stdout + overridden.stderr).toBe(0);
      expect(overridden.stdout).toMatch(
        /Applying despite owners \(--override-owner "stack being retired"\):\n  - orders-redis7: /,
      );
      // The history keeps the reason on the owned target's run, with what it owned; not on the other's.
      const runs = await listApplyRuns({ db: cli.db });
      const orders = runs.find((r) => r.target.id === "orders-redis7")!;
      expect(orders.ownerOverride).toEqual({
        reason: "stack being retired",
        owned: [
          expect.stringContaining("is owned by CloudFormation stack orders-cache (OrdersReplicationGroup)"),
        ],
      });
      expect(runs.find((r) => r.target.id === "standalone-redis")!.ownerOverride).toBeUndefined();
    },
  );

  it(
    "a target whose live state moved, naming what moved, and applies the others",
    { timeout: 60_000 },
    async () => {
      const file = path.join(cli.dir, "two.plan.json");
      const planned = await plan([
        "--cluster",
        "orders-redis7",
        "--cluster",
        "standalone-redis",
        "--out",
        file,
      ]);
      expect(planned.code, planned.stderr).toBe(1);
      // Someone adds a rule on the port to orders-redis7's security group after the review.
      await authorizeIngress(h.context().ctx, "sg-0cache00000000001", {
        protocol: "tcp",
        fromPort: 6379,
        toPort: 6379,
        source: { kind: "cidr", cidr: "10.9.0.0/16" },
      });
      const owner = ["--override-owner", "orders-cache is being retired"];
      const stopped = await apply([file, "--yes", "--stop-on-refusal", ...owner]);
      expect(stopped.code).toBe(1);
      expect(stopped.stdout).toMatch(
        /REFUSED, nothing was applied to orders-redis7:\n    - Inbound rules of sg-0cache00000000001 on port 6379: now tcp 6379 from 10\.9\.0\.0\/16, tcp 6379 from security group sg-0app000000000001, was tcp 6379 from security group sg-0app000000000001\./,
      );
      expect(stopped.stdout).toMatch(/✗ standalone-redis: not attempted \(--stop-on-refusal\)/);
      expect(await listApplyRuns({ db: cli.db })).toEqual([]);

      const goOn = await apply([file, "--yes", ...owner]);
      expect(goOn.code).toBe(1);
      expect(goOn.stdout).toMatch(
        /Apply finished: 1 of 2 Ready\.\n  ✗ orders-redis7: refused\n  ✓ standalone-redis: ready/,
      );
      const runs = await listApplyRuns({ db: cli.db });
      expect(runs.map((r) => [r.target.id, r.status])).toEqual([["standalone-redis", "succeeded"]]);
    },
  );

  it(
    "a malformed file, a tampered one, an old one, one for another account, and no --yes without a terminal",
    { timeout: 60_000 },
    async () => {
      const file = path.join(cli.dir, "one.plan.json");
      expect((await plan(["--cluster", "orders-redis7", "--out", file])).code).toBe(1);
      const text = await readFile(file, "utf8");
      const variant = async (name: string, content: string) => {
        const p = path.join(cli.dir, name);
        await writeFile(p, content);
        return p;
      };
      const malformed = await apply([await variant("bad.json", text.slice(0, 200)), "--yes"]);
      expect(malformed).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^The plan file is malformed: it is not JSON/),
      });
      const wrongShape = await apply([
        await variant("shape.json", JSON.stringify({ format: "queueready-plan-file" })),
        "--yes",
      ]);
      expect(wrongShape).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^The plan file is malformed: version/),
      });

      const doc = JSON.parse(text) as PlanFile;
      doc.targets[0]!.plan.choices.parameterGroup = { mode: "reuse", name: "secure-noeviction" };
      const tampered = await apply([await variant("tampered.json", JSON.stringify(doc)), "--yes"]);
      expect(tampered).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/changed after it was made: its content hash does not match/),
      });

      const old = await apply([file, "--yes", "--max-age", "0.001s"]);
      expect(old).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^The plan is [\d.]+ (s|min) old, older than the 0\.001 s allowed/),
      });

      const other = JSON.parse(text) as PlanFile;
      other.accountIds = ["999999999999"];
      other.targets[0]!.plan.target.accountId = "999999999999";
      const foreign = await apply([
        await variant("foreign.json", JSON.stringify(signPlanFile(withHash(other), testPlanKey()))),
        "--yes",
      ]);
      // Another account than the credentials': it must be one QueueReady is set up for (here, the organization's).
      expect(foreign).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(
          /^The plan names an account QueueReady is not set up for, so nothing was applied\. Not among the configured accounts: 999999999999\. They are: 123456789012 \(management\), /,
        ),
      });

      const unattended = await apply([file]);
      expect(unattended).toMatchObject({
        code: 2,
        stderr: "stdin is not a terminal: pass --yes to apply without a prompt.\n",
      });
      expect(await listApplyRuns({ db: cli.db })).toEqual([]);
    },
  );

  it(
    "refuses a forged, unsigned or hostile file with exit 2, one line and no AWS call",
    { timeout: 60_000 },
    async () => {
      const file = path.join(cli.dir, "signed.plan.json");
      expect((await plan(["--cluster", "orders-redis7", "--out", file])).code).toBe(1);
      const text = await readFile(file, "utf8");
      expect(JSON.parse(text).signature).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
      const write = async (name: string, content: string | Buffer) => {
        const p = path.join(cli.dir, name);
        await writeFile(p, content);
        return p;
      };
      const doc = () => JSON.parse(text) as PlanFile;
      // The red team's file: this plan's envelope, the rule opened to 0.0.0.0/0, the hash recomputed.
      const spliced = doc();
      spliced.targets[0]!.plan.choices.network.source = { kind: "cidr", cidr: "0.0.0.0/0" } as never;
      const unsignedKey = { QUEUEREADY_PLAN_SIGNING_KEY: "" };
      const cases: [string, string | Buffer, RegExp, Record<string, string>?][] = [
        [
          "spliced",
          JSON.stringify({ ...withHash(spliced), signature: doc().signature }),
          /signature does not match/,
        ],
        ["stripped", JSON.stringify(withHash(spliced)), /not signed, and QUEUEREADY_PLAN_SIGNING_KEY is set/],
        [
          "unsigned",
          JSON.stringify(withHash(doc())),
          /not signed and QUEUEREADY_PLAN_SIGNING_KEY is not set/,
          unsignedKey,
        ],
        [
          "no-accounts",
          JSON.stringify(signPlanFile(withHash({ ...doc(), accountIds: [] }), testPlanKey())),
          /accountIds is empty/,
        ],
        ["deep", `{"x":${"[".repeat(3_000)}${"]".repeat(3_000)}}`, /nests deeper than 64 levels/],
        ["random", randomBytes(256 * 1024), /malformed/],
        ["huge", Buffer.alloc(6 * 1024 * 1024, 0x20), /larger than 5 MB/],
      ];
      // A weak key on the apply side is refused before the file is trusted, whatever the file.
      cases.push([
        "weak-key",
        text,
        /^QUEUEREADY_PLAN_SIGNING_KEY has only 1 distinct/,
        { QUEUEREADY_PLAN_SIGNING_KEY: "k".repeat(40) },
      ]);
      const outside = doc();
      outside.targets[0]!.plan.target.accountId = "999999999999";
      cases.push([
        "outside",
        JSON.stringify(signPlanFile(withHash(outside), testPlanKey())),
        /is in account 999999999999, which accountIds does not list/,
      ]);
      for (const [name, content, reason, extra] of cases) {
        h.sandbox.control.resetCalls();
        const { out, io } = captureIo();
        const code = await runApplyCli(
          [await write(`${name}.json`, content), "--yes"],
          { ...env(), ...extra },
          io,
          tuning(),
        );
        expect({ name, code, stderr: out.stderr }).toEqual({
          name,
          code: 2,
          stderr: expect.stringMatching(reason),
        });
        expect(out.stderr, name).toMatch(/^[\x20-\x7e…]+\n$/);
        expect(h.sandbox.control.calls(), name).toEqual({});
      }
      // The explicit opt-out applies an unsigned file only where no key is set, and says so loudly.
      const { out, io } = captureIo();
      const unsigned = await write("unsigned-ok.json", JSON.stringify(withHash(doc())));
      const allowed = await runApplyCli(
        // orders-redis7 is owned by a seeded CloudFormation stack: overriding that is its own flag.
        [unsigned, "--yes", "--insecure-allow-unsigned-plan", "--override-owner", "sandbox test"],
        { ...env(), ...unsignedKey },
        io,
        tuning(),
      );
      expect(out.stderr).toMatch(/^WARNING: applying an UNSIGNED plan file/);
      expect(allowed, out.stdout + out.stderr).toBe(0);
      expect(await listApplyRuns({ db: cli.db })).toHaveLength(1);
    },
  );

  it("plan signs with the key, refuses a weak key before any AWS call, and says when a file is unsigned", async () => {
    const run = async (key: string, args: string[]) => {
      const { out, io } = captureIo();
      const env2 = { ...env(), QUEUEREADY_PLAN_SIGNING_KEY: key };
      return { code: await runPlanCli(args, env2, io, { settings: h.settings }), ...out };
    };
    h.sandbox.control.resetCalls();
    const weak = await run("password".repeat(4), ["--cluster", "orders-redis7", "--json"]);
    expect(weak).toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^QUEUEREADY_PLAN_SIGNING_KEY has only 7 distinct/),
    });
    expect(h.sandbox.control.calls()).toEqual({});
    const unsigned = await run("", ["--cluster", "orders-redis7", "--json"]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toMatch(
      /not signed \(QUEUEREADY_PLAN_SIGNING_KEY is not set\).*--insecure-allow-unsigned-plan/,
    );
    expect(JSON.parse(unsigned.stdout).signature).toBeUndefined();
  });
});
