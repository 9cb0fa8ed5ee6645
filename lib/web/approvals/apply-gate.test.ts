import { afterEach, describe, expect, it } from "vitest";
import { accountScopeRefusal, approvalRequiredFor, previewApplyGate } from "./apply-gate";

const STAGING = "210987654321";
const PAYMENTS = "345678901234";
const saved = process.env.QUEUEREADY_REQUIRE_APPROVAL;
afterEach(() => {
  process.env.QUEUEREADY_REQUIRE_APPROVAL = saved;
});

describe("applying straight from a preview", () => {
  it("keeps an operator limited to staging out of payments, and lets an unlimited one in", () => {
    const sam = { name: "sam", role: "operator" as const, accounts: [STAGING] };
    expect(accountScopeRefusal(sam, [PAYMENTS])).toMatchObject({ ok: false, code: "forbidden" });
    expect(accountScopeRefusal(sam, [STAGING])).toBeUndefined();
    expect(previewApplyGate(sam, PAYMENTS, "applied", undefined)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(accountScopeRefusal({ name: "op", role: "operator" }, [PAYMENTS])).toBeUndefined();
  });

  it("without the policy, applies as before and marks reverts as such", () => {
    delete process.env.QUEUEREADY_REQUIRE_APPROVAL;
    expect(approvalRequiredFor(STAGING)).toBe(false);
    expect(previewApplyGate({ name: "op", role: "operator" }, STAGING, "reverted", undefined)).toEqual({
      ok: true,
      trail: { event: "reverted" },
    });
  });

  it("with the policy, refuses an operator and lets an admin break glass only with a reason", () => {
    process.env.QUEUEREADY_REQUIRE_APPROVAL = "1";
    expect(approvalRequiredFor(STAGING)).toBe(true);
    const refused = previewApplyGate({ name: "op", role: "operator" }, STAGING, "applied", undefined);
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect(!refused.ok && refused.message).toMatch(/need a second operator's approval: use Request approval/);
    const root = { name: "root", role: "admin" as const };
    expect(previewApplyGate(root, STAGING, "applied", undefined)).toMatchObject({
      ok: false,
      code: "invalid-input",
      fieldErrors: { overrideReason: [expect.any(String)] },
    });
    expect(previewApplyGate(root, STAGING, "applied", "payments down, INC-9")).toEqual({
      ok: true,
      trail: { event: "overridden", detail: "break glass: payments down, INC-9" },
      override: "payments down, INC-9",
    });
  });
});
