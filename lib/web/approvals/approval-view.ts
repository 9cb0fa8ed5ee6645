import "server-only";
import { defaultDatabase } from "@/lib/adapters/db";
import { findApproval, listApprovals, type StoredApproval } from "@/lib/adapters/db/approvals";
import { isRecordId } from "@/lib/adapters/db/record-id";
import { approvalExpiresAt, coversAccounts, mayChange, whyCannotDecide } from "@/lib/core/approvals/gate";
import { DEFAULT_APPROVAL_TTL_MS } from "@/lib/core/approvals/policy";
import { approvalPolicy } from "@/lib/services/approvals/policy";
import type { SessionUser } from "@/lib/web/auth/roles";
import { planFileSchema } from "@/lib/core/plan-file";
import { targetKey } from "@/lib/core/identity/identity";

/** What a person reads as the plan's state: an approval that ran out says so. */
export type ApprovalState = "pending" | "approved" | "expired" | "rejected";

export interface ApprovalRow extends StoredApproval {
  state: ApprovalState;
  expiresAt?: string;
}

function ttlMs(): number {
  const policy = approvalPolicy();
  return policy.ok ? policy.policy.ttlMs : DEFAULT_APPROVAL_TTL_MS;
}

function rowOf(approval: StoredApproval, ttl: number, now: Date): ApprovalRow {
  const expires = approvalExpiresAt(approval, ttl);
  const state: ApprovalState = expires && expires.getTime() <= now.getTime() ? "expired" : approval.status;
  return { ...approval, state, ...(expires ? { expiresAt: expires.toISOString() } : {}) };
}

export async function approvalRows(now: Date = new Date()): Promise<ApprovalRow[]> {
  const { db } = await defaultDatabase();
  const ttl = ttlMs();
  return (await listApprovals(db)).map((a) => rowOf(a, ttl, now));
}

/** What each target of the plan would get, step by step, read from the stored plan file. */
export interface PlannedTarget {
  key: string;
  id: string;
  summaryLine: string;
  steps: { title: string; action: string; detail?: string }[];
}

function plannedTargets(planText: string): PlannedTarget[] {
  let raw: unknown;
  try {
    raw = JSON.parse(planText);
  } catch {
    return [];
  }
  const parsed = planFileSchema.safeParse(raw);
  if (!parsed.success) return [];
  return parsed.data.targets.map(({ plan }) => ({
    key: targetKey(plan.target),
    id: plan.target.id,
    summaryLine: plan.summaryLine,
    steps: plan.steps.map((s) => ({
      title: s.title,
      action: s.action,
      ...(s.action === "no-op" && s.noopReason ? { detail: s.noopReason } : {}),
    })),
  }));
}

export interface ApprovalPage {
  row: ApprovalRow;
  targets: PlannedTarget[];
  /** Why this user cannot approve or reject it (the author sees this), or undefined when they can. */
  cannotDecide?: string;
  /** Whether this user may apply it from its page now. */
  canApply: boolean;
}

/** The approval under `id` as this user sees it, or undefined for an unknown (or malformed) id. */
export async function approvalPage(id: string, user: SessionUser): Promise<ApprovalPage | undefined> {
  if (!isRecordId(id)) return undefined;
  const { db } = await defaultDatabase();
  const approval = await findApproval(db, id);
  if (!approval) return undefined;
  const row = rowOf(approval, ttlMs(), new Date());
  return {
    row,
    targets: plannedTargets(approval.planText),
    cannotDecide: whyCannotDecide(user, approval),
    canApply: row.state === "approved" && mayChange(user.role) && coversAccounts(user, approval.accountIds),
  };
}
