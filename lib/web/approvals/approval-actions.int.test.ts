/**
 * The approval actions as a browser's POST reaches them (session mocked, database real): bad input gets a
 * clear refusal and changes nothing; only another operator of the plan's accounts decides, once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultDatabase } from "@/lib/adapters/db";
import { findApproval, insertApproval } from "@/lib/adapters/db/approvals";
import { readTrail } from "@/lib/adapters/db/audit-trail";
import type { SessionUser } from "@/lib/web/auth/roles";
import { databasesPerFile } from "@/tools/testing/test-db";

const state: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/web/auth/session", () => ({ getSessionUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));
const { applyApprovedAction, decideApprovalAction } = await import("./approval-actions");

const dbs = databasesPerFile();
const saved = { url: process.env.DATABASE_URL, policy: process.env.QUEUEREADY_REQUIRE_APPROVAL };
const STAGING = "210987654321";
let id = "";

beforeAll(async () => {
  process.env.DATABASE_URL = await (await dbs.server()).createDatabase();
  process.env.QUEUEREADY_REQUIRE_APPROVAL = "1";
  const { db } = await defaultDatabase();
  ({
    approval: { id },
  } = await insertApproval(db, {
    planHash: `sha256:${"c".repeat(64)}`,
    planText: "{}",
    accountIds: [STAGING],
    targets: [`${STAGING}/us-east-1/replication-group/stg-orders`],
    submittedBy: "alice",
    submittedVia: "browser",
  }));
}, 60_000);
afterAll(async () => {
  await (await defaultDatabase()).close();
  process.env.DATABASE_URL = saved.url;
  process.env.QUEUEREADY_REQUIRE_APPROVAL = saved.policy;
});

const as = (user: SessionUser | null) => (state.user = user);
const decide = (input: Record<string, string>) => decideApprovalAction(null, input);

describe("deciding on a plan in the browser", () => {
  it("refuses every bad request with a clear code and leaves the plan pending", async () => {
    as(null);
    expect(await decide({ id, decision: "approved" })).toMatchObject({ ok: false, code: "unauthenticated" });
    as({ name: "vic", role: "viewer" });
    expect(await decide({ id, decision: "approved" })).toMatchObject({ ok: false, code: "forbidden" });
    as({ name: "bob", role: "operator" });
    expect(await decide({ id: "../etc", decision: "approved" })).toMatchObject({
      ok: false,
      code: "invalid-input",
    });
    expect(await decide({ id, decision: "maybe" })).toMatchObject({ ok: false, code: "invalid-input" });
    expect(await decide({ id: "20200101t000000-00000000", decision: "approved" })).toMatchObject({
      ok: false,
      code: "not-found",
    });
    expect(await decide({ id, decision: "rejected", comment: "  " })).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { comment: ["Say why you reject the plan: a comment is required."] },
    });
    as({ name: "alice", role: "operator" });
    expect(await decide({ id, decision: "approved" })).toMatchObject({ ok: false, code: "forbidden" });
    as({ name: "sam", role: "operator", accounts: ["345678901234"] });
    expect(await decide({ id, decision: "approved" })).toMatchObject({ ok: false, code: "forbidden" });
    // Applying before approval: refused by the gate (and by the account limit for sam).
    expect(await applyApprovedAction(null, { id })).toMatchObject({ ok: false, code: "forbidden" });
    as({ name: "bob", role: "operator" });
    expect(await applyApprovedAction(null, { id })).toMatchObject({ ok: false, code: "conflict" });
    const { db } = await defaultDatabase();
    expect((await findApproval(db, id))?.status).toBe("pending");
    expect(await readTrail(db)).toEqual([]);
  });

  it("records one decision by another operator; approving twice is a conflict", async () => {
    as({ name: "bob", role: "operator" });
    expect(await decide({ id, decision: "approved", comment: "looks right" })).toEqual({
      ok: true,
      data: { status: "approved" },
    });
    as({ name: "carol", role: "admin" });
    expect(await decide({ id, decision: "rejected", comment: "too late" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    const { db } = await defaultDatabase();
    expect((await findApproval(db, id))?.decision).toMatchObject({ by: "bob", comment: "looks right" });
    expect((await readTrail(db)).map((e) => [e.event, e.actor, e.detail])).toEqual([
      ["approved", "bob", "looks right"],
    ]);
  });
});
