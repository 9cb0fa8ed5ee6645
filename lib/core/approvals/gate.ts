/**
 * The two-person rule as pure decisions: who may decide a submitted plan, and whether a plan may apply
 * now. An approval is bound to the plan file's content hash, so any edit is another plan with no approval;
 * any rejection blocks for good; an approval ends after the policy's TTL.
 */
export type ApprovalStatus = "pending" | "approved" | "rejected";

export interface Decision {
  by: string;
  at: string;
  comment?: string;
}

/** A plan submitted for approval, as the gate needs to see it. */
export interface ApprovalRecord {
  id: string;
  planHash: string;
  accountIds: string[];
  submittedBy: string;
  submittedAt: string;
  changeRef?: string;
  status: ApprovalStatus;
  decision?: Decision;
}

export type Gate =
  | { open: true; approval: ApprovalRecord }
  | {
      open: false;
      code: "not-submitted" | "awaiting-approval" | "rejected" | "expired";
      reason: string;
      approval?: ApprovalRecord;
    };

/** When an approval stops letting its plan apply. */
export function approvalExpiresAt(approval: ApprovalRecord, ttlMs: number): Date | undefined {
  if (approval.status !== "approved" || !approval.decision) return undefined;
  return new Date(Date.parse(approval.decision.at) + ttlMs);
}

/** Whether the plan (found by its hash, or not) may apply at `now`. */
export function gateOf(approval: ApprovalRecord | undefined, now: Date, ttlMs: number): Gate {
  if (!approval)
    return {
      open: false,
      code: "not-submitted",
      reason:
        "awaiting approval: this plan was never submitted for approval (an edited copy is a new plan). Submit it with `npm run plan -- … --submit` or the preview's Request approval.",
    };
  const page = `/changes/approvals/${approval.id}`;
  if (approval.status === "rejected")
    return {
      open: false,
      code: "rejected",
      reason: `rejected by ${approval.decision?.by ?? "a reviewer"}: ${approval.decision?.comment ?? ""} (${page})`,
      approval,
    };
  if (approval.status === "pending")
    return {
      open: false,
      code: "awaiting-approval",
      reason: `awaiting approval: submitted by ${approval.submittedBy}; another operator approves it at ${page}.`,
      approval,
    };
  const expires = approvalExpiresAt(approval, ttlMs)!;
  if (expires.getTime() <= now.getTime())
    return {
      open: false,
      code: "expired",
      reason: `approval expired at ${expires.toISOString()} (approved by ${approval.decision!.by}): plan again and submit the new plan.`,
      approval,
    };
  return { open: true, approval };
}

export interface Reviewer {
  name: string;
  role: string;
  /** The accounts an operator is limited to; absent = every account. */
  accounts?: readonly string[];
}

/** May this person act in every one of these accounts? (Scoped operators stay in their accounts.) */
export function coversAccounts(user: Pick<Reviewer, "accounts">, accountIds: readonly string[]): boolean {
  return !user.accounts || accountIds.every((a) => user.accounts!.includes(a));
}

/** The roles that change AWS (apply, revert, undo) and decide on plans; an admin also breaks glass. */
const CHANGERS: ReadonlySet<string> = new Set(["operator", "admin"]);

export const mayChange = (role: string) => CHANGERS.has(role);

/** Why this person may not approve or reject the plan, or undefined when they may. */
export function whyCannotDecide(user: Reviewer, approval: ApprovalRecord): string | undefined {
  if (!mayChange(user.role)) return `Deciding on a plan needs the operator role; you are ${user.role}.`;
  if (user.name === approval.submittedBy)
    return "You submitted this plan: another operator must approve or reject it.";
  if (!coversAccounts(user, approval.accountIds))
    return `You are limited to other accounts than ${approval.accountIds.join(", ")}.`;
  if (approval.status !== "pending")
    return `It was already ${approval.status} by ${approval.decision?.by ?? "someone"}.`;
  return undefined;
}
