import { describe, expect, it } from "vitest";
import { claimAuditSlot, type AuditResult } from "@/lib/adapters/db/audits";
import { claimManualAudit } from "@/lib/adapters/db/audit-runs";
import { statusStamp } from "@/lib/adapters/db/status-version";
import { replaceTargetState, type TargetStateInput } from "@/lib/adapters/db/target-states";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";
import { parseStatusQuery } from "./status-query";
import { loadStoredStatus } from "./stored-status";

const dbs = databasesPerFile();
warmUp(dbs);

const ACCOUNT = "111111111111";
const state = (id: string, verdict: string): TargetStateInput => ({
  accountId: ACCOUNT,
  accountName: "prod",
  region: "us-east-1",
  kind: "replication-group",
  targetId: id,
  verdict,
  status: "available",
  topology: "1 shard × 2 nodes",
  findings: verdict === "ready" ? [] : [{ ruleId: "eviction-policy", severity: "fail", title: "lru" }],
});

const audit = (targets: TargetStateInput[]): AuditResult => ({
  verdicts: [],
  awsErrors: {},
  failedRegions: [],
  accounts: [{ id: ACCOUNT, name: "prod" }],
  states: { targets, scopes: [{ accountId: ACCOUNT, region: "us-east-1" }] },
});

async function finish(db: Parameters<typeof storeAudit>[0], id: string, targets: TargetStateInput[]) {
  const at = new Date();
  await claimAuditSlot(db, { id, slot: id, startedBy: "test", now: new Date(at.getTime() - 1_000) });
  await storeAudit(db, id, audit(targets), at);
}

const query = parseStatusQuery({});
const verdicts = async (db: Parameters<typeof loadStoredStatus>[0]) => {
  const loaded = await loadStoredStatus(db, query);
  if (!loaded.ready) throw new Error("no stored audit");
  return loaded.status.groups.flatMap((g) => g.rows.map((r) => `${r.targetId}:${r.verdict}`));
};

describe.each(BACKENDS)("the status page's kept view (%s)", (backend) => {
  it("serves one read while nothing changes, and the database's view after every kind of write", async () => {
    const { db } = await dbs.open(backend);
    await finish(db, "audit-1", [state("a", "needs-changes"), state("b", "ready")]);
    const first = await loadStoredStatus(db, query);
    // The same object: the second load read nothing but the stamp.
    expect(await loadStoredStatus(db, query)).toBe(first);
    expect(await verdicts(db)).toEqual(["a:needs-changes", "b:ready"]);

    // A one-target re-read (after an apply), outside any audit.
    await replaceTargetState(db, { ...state("a", "ready") }, state("a", "ready"));
    expect(await verdicts(db)).toEqual(["a:ready", "b:ready"]);
    // Its removal (the target is gone).
    const key = { accountId: ACCOUNT, region: "us-east-1", kind: "replication-group", targetId: "b" };
    await replaceTargetState(db, key, undefined);
    expect(await verdicts(db)).toEqual(["a:ready"]);

    // An audit starting shows as running; the next finished one replaces the rows.
    await claimManualAudit(db, { id: "audit-2", startedBy: "test" });
    const running = await loadStoredStatus(db, query);
    expect(running.ready && running.status.running?.id).toBe("audit-2");
    await finish(db, "audit-3", [state("c", "unknown")]);
    const after = await loadStoredStatus(db, query);
    expect(after.ready && after.status.run.id).toBe("audit-3");
    expect(await verdicts(db)).toEqual(["c:unknown"]);
  });

  it("stamps the same state alike and a write differently", async () => {
    const { db } = await dbs.open(backend);
    expect(await statusStamp(db)).toBe(await statusStamp(db));
    const before = await statusStamp(db);
    await replaceTargetState(db, state("a", "ready"), state("a", "ready"));
    expect(await statusStamp(db)).not.toBe(before);
  });
});
