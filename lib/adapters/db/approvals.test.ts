import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { decideApproval, findApproval, findApprovalByHash, insertApproval, listApprovals } from "./approvals";
import { appendTrail, countTrailEvents, readTrail, trailOfRuns } from "./audit-trail";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);
const t0 = new Date("2026-01-15T12:00:00Z");
const plan = {
  planHash: `sha256:${"a".repeat(64)}`,
  planText: '{"plan":1}\n',
  accountIds: ["123456789012"],
  targets: ["123456789012/us-east-1/replication-group/orders"],
  submittedBy: "alice",
  submittedVia: "cli" as const,
};

describe.each(BACKENDS)("approvals and the audit trail (%s)", (backend) => {
  it("stores a plan once per hash and lets exactly one decision through", async () => {
    const { db } = await dbs.open(backend);
    const first = await insertApproval(db, { ...plan, changeRef: "CHG-1" }, t0);
    expect(first.created).toBe(true);
    expect(first.approval).toMatchObject({ status: "pending", changeRef: "CHG-1", planText: plan.planText });
    const again = await insertApproval(db, plan, t0);
    expect(again).toEqual({ approval: first.approval, created: false });
    expect(await findApprovalByHash(db, plan.planHash)).toEqual(first.approval);

    const approved = await decideApproval(db, first.approval.id, { status: "approved", by: "bob" }, t0);
    expect(approved?.decision).toEqual({ by: "bob", at: t0.toISOString() });
    // A second decision (approving twice, or rejecting after) changes nothing.
    expect(
      await decideApproval(db, first.approval.id, { status: "rejected", by: "carol", comment: "no" }),
    ).toBe(undefined);
    expect((await findApproval(db, first.approval.id))?.status).toBe("approved");
    expect(await findApproval(db, "unknown")).toBeUndefined();
    expect((await listApprovals(db, { status: "pending" })).length).toBe(0);
    expect((await listApprovals(db)).map((a) => a.id)).toEqual([first.approval.id]);
  });

  it("keeps the trail append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const { db } = await dbs.open(backend);
    await appendTrail(
      db,
      { event: "submitted", actor: "alice", targets: ["t"], planHash: plan.planHash },
      t0,
    );
    await appendTrail(db, {
      event: "applied",
      actor: "bob",
      targets: ["t"],
      requestIds: [{ operation: "ModifyReplicationGroup", requestId: "req-1" }],
    });
    const rows = await readTrail(db);
    expect(rows.map((r) => [r.seq, r.event])).toEqual([
      [1, "submitted"],
      [2, "applied"],
    ]);
    expect(rows[1]!.requestIds).toEqual([{ operation: "ModifyReplicationGroup", requestId: "req-1" }]);
    expect(await readTrail(db, 1)).toHaveLength(1);
    await expect(db.execute(sql`UPDATE audit_trail SET actor = 'mallory'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_trail`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_trail`)).rejects.toThrow();
    expect((await readTrail(db)).map((r) => r.actor)).toEqual(["alice", "bob"]);
    await appendTrail(db, {
      event: "overridden",
      actor: "root",
      targets: ["t"],
      runId: "run-2",
      detail: "why",
    });
    const byRun = await trailOfRuns(db, ["run-2", "run-9"]);
    expect([...byRun.keys()]).toEqual(["run-2"]);
    expect(byRun.get("run-2")).toMatchObject({ event: "overridden", detail: "why" });
    expect(await countTrailEvents(db)).toEqual({ submitted: 1, applied: 1, overridden: 1 });
  });
});
