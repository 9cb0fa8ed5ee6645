import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { needsApproval } from "@/lib/core/approvals/policy";
import { approvalPolicy } from "./policy";

const dir = mkdtempSync(path.join(os.tmpdir(), "qr-approval-policy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, body: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof body === "string" ? body : JSON.stringify(body));
  return p;
};

describe("the approval policy in force", () => {
  it("asks for approval in the accounts the accounts file marks, and nowhere else", () => {
    const accounts = file("accounts.json", {
      accounts: [
        { id: "345678901234", name: "payments", requireApproval: true },
        { id: "210987654321", name: "staging" },
      ],
    });
    const read = approvalPolicy({ QUEUEREADY_ACCOUNTS_FILE: accounts });
    expect(read.ok && needsApproval(read.policy, ["345678901234"])).toBe(true);
    expect(read.ok && needsApproval(read.policy, ["210987654321"])).toBe(false);
  });

  it("covers every member of an organization that asks for it, and fails closed on a broken file", () => {
    const org = file("org.json", { organization: { requireApproval: true } });
    const read = approvalPolicy({ QUEUEREADY_ACCOUNTS_FILE: org });
    expect(read.ok && read.policy.everywhere).toBe(true);
    const broken = approvalPolicy({ QUEUEREADY_ACCOUNTS_FILE: file("broken.json", "{ nope") });
    expect(broken.ok && broken.policy.everywhere).toBe(true);
    expect(approvalPolicy({ QUEUEREADY_APPROVAL_TTL: "forever" })).toMatchObject({ ok: false });
    const off = approvalPolicy({});
    expect(off.ok && needsApproval(off.policy, ["345678901234"])).toBe(false);
  });
});
