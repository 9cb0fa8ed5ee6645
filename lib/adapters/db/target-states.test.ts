import { describe, expect, it } from "vitest";
import { claimAuditSlot, type AuditResult } from "./audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { claimManualAudit, latestFinishedRun, releaseManualAudit } from "./audit-runs";
import { allTargetStates, countTargetStates, pageTargetStates, storedRegions } from "./target-state-queries";
import { replaceTargetState, type TargetStateInput } from "./target-states";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);

const VERDICTS = ["ready", "needs-changes", "unknown", "incompatible", "not-applicable"];
const state = (accountId: string, region: string, id: string, verdict: string): TargetStateInput => ({
  accountId,
  accountName: accountId === "111111111111" ? "prod" : "staging",
  region,
  kind: id.startsWith("sl-") ? "serverless" : "replication-group",
  targetId: id,
  verdict,
  engine: "redis",
  engineVersion: "7.1.0",
  status: "available",
  topology: "1 shard × 2 nodes",
  vpcId: "vpc-1",
  vpcName: "prod",
  parameterGroup: verdict === "ready" ? "bullmq_redis7" : "default.redis7",
  policy: verdict === "ready" ? "noeviction" : "volatile-lru",
  findings: verdict === "ready" ? [] : [{ ruleId: "eviction-policy", severity: "fail", title: "lru" }],
});

function result(targets: TargetStateInput[], failed: { accountId: string; region: string }[] = []) {
  const scopes = [...new Set(targets.map((t) => `${t.accountId}|${t.region}`))].map((k) => {
    const [accountId, region] = k.split("|") as [string, string];
    return { accountId, region };
  });
  return {
    verdicts: [],
    awsErrors: {},
    failedRegions: failed.map((f) => ({ ...f, message: "AccessDenied" })),
    accounts: [{ id: "111111111111", name: "prod" }],
    states: { targets, scopes: [...scopes, ...failed.map((f) => ({ ...f, failed: "AccessDenied" }))] },
  } satisfies AuditResult;
}

async function finish(db: Parameters<typeof storeAudit>[0], id: string, r: AuditResult, at: Date) {
  await claimAuditSlot(db, { id, slot: id, startedBy: "test", now: new Date(at.getTime() - 2_400) });
  await storeAudit(db, id, r, at);
}

describe.each(BACKENDS)("stored target states (%s)", (backend) => {
  it("pages 120 targets by 50, filters and counts in SQL, grouped by account", async () => {
    const { db } = await dbs.open(backend);
    const targets = Array.from({ length: 120 }, (_, i) =>
      state(
        i < 80 ? "111111111111" : "222222222222",
        i % 2 ? "eu-west-1" : "us-east-1",
        `c-${String(i).padStart(3, "0")}`,
        VERDICTS[i % 5]!,
      ),
    );
    targets.push(state("111111111111", "us-east-1", "sl-queue_1", "incompatible"));
    await finish(db, "a1", result(targets), new Date("2026-01-15T12:00:00Z"));

    const first = await pageTargetStates(db, {}, "verdict", 1, 50);
    expect(first.total).toBe(121);
    expect(first.rows).toHaveLength(50);
    // prod before staging, and within prod the most urgent first.
    expect(first.rows[0]).toMatchObject({ accountName: "prod", verdict: "needs-changes" });
    const last = await pageTargetStates(db, {}, "verdict", 3, 50);
    expect(last.rows).toHaveLength(21);
    expect(last.rows.every((r) => r.accountName === "staging")).toBe(true);
    const seen = new Set(
      [...first.rows, ...(await pageTargetStates(db, {}, "verdict", 2, 50)).rows, ...last.rows].map(
        (r) => r.targetId,
      ),
    );
    expect(seen.size).toBe(121);

    const filtered = await pageTargetStates(
      db,
      { accountId: "111111111111", region: "us-east-1", verdicts: ["ready"], kind: "replication-group" },
      "name",
      1,
      50,
    );
    expect(filtered.rows.map((r) => r.targetId)).toEqual(
      targets
        .filter((t) => t.accountId === "111111111111" && t.region === "us-east-1" && t.verdict === "ready")
        .map((t) => t.targetId),
    );
    // The search is a substring, not a pattern: "_" is an underscore, "%" matches nothing.
    expect((await pageTargetStates(db, { q: "queue_1" }, "name", 1, 50)).rows.map((r) => r.targetId)).toEqual(
      ["sl-queue_1"],
    );
    expect((await pageTargetStates(db, { q: "c-0_1" }, "name", 1, 50)).total).toBe(0);
    expect((await pageTargetStates(db, { q: "%" }, "name", 1, 50)).total).toBe(0);
    expect((await pageTargetStates(db, { q: "BULLMQ_REDIS7" }, "name", 1, 50)).total).toBe(24);
    expect((await pageTargetStates(db, { kind: "serverless" }, "name", 1, 50)).total).toBe(1);

    const counts = await countTargetStates(db, {});
    const prodReady = counts.find((c) => c.accountName === "prod" && c.verdict === "ready");
    expect(prodReady).toMatchObject({ count: 16, stale: 0 });
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(121);
    expect(await storedRegions(db)).toEqual(["eu-west-1", "us-east-1"]);
    expect(await latestFinishedRun(db)).toMatchObject({ id: "a1", durationMs: 2_400 });
  });

  it("keeps first-seen, removes what is gone from a read region, marks a failed region's rows stale", async () => {
    const { db } = await dbs.open(backend);
    const t0 = new Date("2026-01-15T12:00:00Z");
    await finish(
      db,
      "b1",
      result([
        state("111111111111", "us-east-1", "keep", "ready"),
        state("111111111111", "us-east-1", "gone", "ready"),
        state("111111111111", "eu-west-1", "eu-one", "needs-changes"),
      ]),
      t0,
    );
    const t1 = new Date("2026-01-15T12:15:00Z");
    await finish(
      db,
      "b2",
      result(
        [state("111111111111", "us-east-1", "keep", "needs-changes")],
        [{ accountId: "111111111111", region: "eu-west-1" }],
      ),
      t1,
    );
    const rows = await allTargetStates(db, {}, "name");
    expect(rows.map((r) => [r.targetId, r.verdict, r.staleReason])).toEqual([
      ["eu-one", "needs-changes", "AccessDenied"],
      ["keep", "needs-changes", null],
    ]);
    const keep = rows.find((r) => r.targetId === "keep")!;
    expect([keep.firstSeenAt, keep.auditedAt]).toEqual([t0, t1]);
    expect((await countTargetStates(db, { region: "eu-west-1" }))[0]).toMatchObject({ count: 1, stale: 1 });

    // One target re-read after an apply: its row changes at once; a deleted target's row goes.
    const t2 = new Date("2026-01-15T12:16:00Z");
    await replaceTargetState(db, keep, state("111111111111", "us-east-1", "keep", "ready"), t2);
    expect((await allTargetStates(db, { q: "keep" }, "name"))[0]).toMatchObject({
      verdict: "ready",
      auditedAt: t2,
      firstSeenAt: t0,
    });
    await replaceTargetState(db, keep, undefined);
    expect(await allTargetStates(db, { q: "keep" }, "name")).toEqual([]);
  });

  it("stores each target's owner, and finds targets by their stack or Terraform address", async () => {
    const { db } = await dbs.open(backend);
    const at = new Date("2026-01-15T13:00:00Z");
    const stackOwned = {
      ...state("111111111111", "us-west-2", "owned-by-stack", "ready"),
      owner: {
        tool: "cloudformation" as const,
        stack: "orders-cache",
        logicalId: "Group",
        evidence: "ListStackResources",
      },
    };
    const tfOwned = {
      ...state("111111111111", "us-west-2", "owned-by-tf", "ready"),
      owner: {
        tool: "terraform" as const,
        address: "module.q.aws_elasticache_replication_group.main",
        evidence: "state",
      },
    };
    const nobody = state("111111111111", "us-west-2", "nobody", "ready");
    await finish(db, "o1", result([stackOwned, tfOwned, nobody]), at);
    const rows = await allTargetStates(db, { region: "us-west-2" }, "name");
    expect(rows.map((r) => [r.targetId, r.owner])).toEqual([
      ["nobody", null],
      ["owned-by-stack", stackOwned.owner],
      ["owned-by-tf", tfOwned.owner],
    ]);
    expect((await allTargetStates(db, { q: "orders-cache" }, "name")).map((r) => r.targetId)).toEqual([
      "owned-by-stack",
    ]);
    expect((await allTargetStates(db, { q: "module.q." }, "name")).map((r) => r.targetId)).toEqual([
      "owned-by-tf",
    ]);
  });

  it("lets one manual refresh run at a time across replicas, and frees the slot when it ends", async () => {
    const { db } = await dbs.open(backend);
    const claims = await Promise.all(
      ["a", "b", "c"].map((r) => claimManualAudit(db, { id: `m-${r}`, startedBy: r })),
    );
    expect(claims.filter((c) => c.ok)).toHaveLength(1);
    const winner = `m-${["a", "b", "c"][claims.findIndex((c) => c.ok)]}`;
    expect(claims.find((c) => !c.ok)).toMatchObject({ ok: false });
    await storeAudit(db, winner, { verdicts: [], awsErrors: {}, failedRegions: [] });
    await releaseManualAudit(db, winner, "finished");
    expect((await claimManualAudit(db, { id: "m-d", startedBy: "d" })).ok).toBe(true);
    await releaseManualAudit(db, "m-d", "failed");
    // A refresh whose replica died long ago does not block the next one.
    const long = new Date(Date.now() - 3_600_000);
    expect((await claimManualAudit(db, { id: "m-e", startedBy: "e", now: long })).ok).toBe(true);
    expect((await claimManualAudit(db, { id: "m-f", startedBy: "f" })).ok).toBe(true);
  });
});
