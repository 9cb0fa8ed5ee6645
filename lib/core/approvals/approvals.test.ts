import { describe, expect, it } from "vitest";
import { approvalExpiresAt, coversAccounts, gateOf, whyCannotDecide, type ApprovalRecord } from "./gate";
import {
  approvalPolicyFromEnv,
  needsApproval,
  parseApprovalTtl,
  strictestPolicy,
  DEFAULT_APPROVAL_TTL_MS,
} from "./policy";

const pending: ApprovalRecord = {
  id: "20260115t120000-abcd1234",
  planHash: `sha256:${"b".repeat(64)}`,
  accountIds: ["111111111111"],
  submittedBy: "alice",
  submittedAt: "2026-01-15T12:00:00.000Z",
  status: "pending",
};
const approved: ApprovalRecord = {
  ...pending,
  status: "approved",
  decision: { by: "bob", at: "2026-01-15T13:00:00.000Z" },
};
const hour = 3_600_000;

describe("approval policy", () => {
  it("reads durations and refuses nonsense", () => {
    expect(parseApprovalTtl(undefined)).toEqual({ ok: true, ms: DEFAULT_APPROVAL_TTL_MS });
    expect(parseApprovalTtl("30m")).toEqual({ ok: true, ms: 30 * 60_000 });
    expect(parseApprovalTtl("2d")).toEqual({ ok: true, ms: 48 * hour });
    expect(parseApprovalTtl("24 hours").ok).toBe(false);
    expect(parseApprovalTtl("30s").ok).toBe(false);
    expect(parseApprovalTtl("8d").ok).toBe(false);
  });

  it("asks for approval everywhere with the switch, else only in the marked accounts", () => {
    const all = approvalPolicyFromEnv({ QUEUEREADY_REQUIRE_APPROVAL: "1" });
    expect(all.ok && needsApproval(all.policy, ["222222222222"])).toBe(true);
    const some = approvalPolicyFromEnv({}, ["111111111111"]);
    expect(some.ok && needsApproval(some.policy, ["222222222222"])).toBe(false);
    expect(some.ok && needsApproval(some.policy, ["222222222222", "111111111111"])).toBe(true);
    expect(approvalPolicyFromEnv({ QUEUEREADY_APPROVAL_TTL: "soon" }).ok).toBe(false);
  });
});

describe("the gate", () => {
  const at = (iso: string) => new Date(iso);
  it("stays closed until approved, and opens only until the approval expires", () => {
    expect(gateOf(undefined, at("2026-01-15T12:00:00Z"), hour)).toMatchObject({
      open: false,
      code: "not-submitted",
    });
    const waiting = gateOf(pending, at("2026-01-15T12:00:00Z"), hour);
    expect(waiting).toMatchObject({ open: false, code: "awaiting-approval" });
    expect(!waiting.open && waiting.reason).toMatch(/^awaiting approval/);
    expect(gateOf(approved, at("2026-01-15T13:59:59Z"), hour).open).toBe(true);
    const late = gateOf(approved, at("2026-01-15T14:00:00Z"), hour);
    expect(late).toMatchObject({ open: false, code: "expired" });
    expect(!late.open && late.reason).toMatch(/^approval expired/);
    expect(approvalExpiresAt(approved, hour)?.toISOString()).toBe("2026-01-15T14:00:00.000Z");
  });

  it("stays closed for good after a rejection, naming who and why", () => {
    const rejected: ApprovalRecord = {
      ...pending,
      status: "rejected",
      decision: { by: "carol", at: "2026-01-15T13:00:00.000Z", comment: "wrong cluster" },
    };
    const gate = gateOf(rejected, at("2026-01-15T13:00:01Z"), hour);
    expect(gate).toMatchObject({ open: false, code: "rejected" });
    expect(!gate.open && gate.reason).toMatch(/^rejected by carol: wrong cluster/);
  });
});

describe("who may decide", () => {
  it("refuses the author, viewers, other accounts' operators and a second decision", () => {
    expect(whyCannotDecide({ name: "bob", role: "operator" }, pending)).toBeUndefined();
    expect(whyCannotDecide({ name: "root", role: "admin" }, pending)).toBeUndefined();
    expect(whyCannotDecide({ name: "alice", role: "operator" }, pending)).toMatch(/You submitted this plan/);
    expect(whyCannotDecide({ name: "vic", role: "viewer" }, pending)).toMatch(/operator role/);
    expect(whyCannotDecide({ name: "sam", role: "operator", accounts: ["999999999999"] }, pending)).toMatch(
      /limited to other accounts/,
    );
    expect(whyCannotDecide({ name: "dan", role: "operator" }, approved)).toMatch(/already approved by bob/);
    expect(coversAccounts({ accounts: ["111111111111"] }, ["111111111111"])).toBe(true);
    expect(coversAccounts({}, ["111111111111"])).toBe(true);
  });
});

describe("the stricter of two policies", () => {
  const policy = (everywhere: boolean, accounts: string[], ttlMs: number) => ({
    everywhere,
    accounts: new Set(accounts),
    ttlMs,
  });
  it("needs approval where either does, for the shorter time", () => {
    const joined = strictestPolicy(
      policy(false, ["111111111111"], 3_600_000),
      policy(false, ["222222222222"], 60_000),
    );
    expect(joined.everywhere).toBe(false);
    expect([...joined.accounts].sort()).toEqual(["111111111111", "222222222222"]);
    expect(joined.ttlMs).toBe(60_000);
    expect(strictestPolicy(policy(false, [], 60_000), policy(true, [], 60_000)).everywhere).toBe(true);
    expect(strictestPolicy(policy(true, [], 60_000), undefined).everywhere).toBe(true);
  });
});
