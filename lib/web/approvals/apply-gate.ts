import "server-only";
import { failure } from "@/lib/web/actions/action-result";
import type { SessionUser } from "@/lib/web/auth/roles";
import { coversAccounts } from "@/lib/core/approvals/gate";
import { needsApproval } from "@/lib/core/approvals/policy";
import { approvalPolicy } from "@/lib/services/approvals/policy";
import type { RunTrail } from "@/lib/services/apply/types";

type Refusal = ReturnType<typeof failure>;

/** Refuses a change in an account the user is not allowed to change (operators limited to accounts). */
export function accountScopeRefusal(user: SessionUser, accountIds: readonly string[]): Refusal | undefined {
  if (coversAccounts(user, accountIds)) return undefined;
  return failure(
    "forbidden",
    `You may change accounts ${user.accounts!.join(", ")} only; this is account ${accountIds.join(", ")}.`,
  );
}

/**
 * Whether an apply straight from a preview (the wizard's, a revert's) may go on: in an account the user may
 * change, and where no approval is required, or by an admin giving a reason (break glass). The trail line
 * the run writes comes back with it.
 */
export function previewApplyGate(
  user: SessionUser,
  accountId: string,
  event: "applied" | "reverted",
  overrideReason: string | undefined,
): { ok: true; trail: RunTrail; override?: string } | Refusal {
  const scope = accountScopeRefusal(user, [accountId]);
  if (scope) return scope;
  const policy = approvalPolicy();
  if (!policy.ok) return failure("conflict", policy.reason);
  if (!needsApproval(policy.policy, [accountId])) return { ok: true, trail: { event } };
  if (user.role !== "admin")
    return failure(
      "forbidden",
      `Changes in account ${accountId} need a second operator's approval: use Request approval, and apply once it is approved.`,
    );
  if (!overrideReason)
    return failure("invalid-input", "Applying without approval needs a reason.", {
      overrideReason: ["Say why this cannot wait for an approval."],
    });
  return {
    ok: true,
    trail: { event: "overridden", detail: `break glass: ${overrideReason}` },
    override: overrideReason,
  };
}

/** Whether a preview in this account offers Request approval instead of Apply (a broken policy: yes). */
export function approvalRequiredFor(accountId: string): boolean {
  const policy = approvalPolicy();
  return !policy.ok || needsApproval(policy.policy, [accountId]);
}
