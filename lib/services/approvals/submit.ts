/**
 * Submitting a plan file for approval, and deciding on it. Both write the audit trail. The plan is kept
 * by its content hash with its exact bytes: what the reviewer reads is what the approval binds.
 */
import type { Db } from "@/lib/adapters/db";
import {
  decideApproval,
  findApproval,
  insertApproval,
  type StoredApproval,
} from "@/lib/adapters/db/approvals";
import { appendTrail } from "@/lib/adapters/db/audit-trail";
import { isRecordId } from "@/lib/adapters/db/record-id";
import { targetKey } from "@/lib/core/identity/identity";
import { whyCannotDecide, type Reviewer } from "@/lib/core/approvals/gate";
import type { PlanFile } from "@/lib/core/plan-file";

/** Where a plan's approval page is, relative to the app's origin. */
export const approvalPath = (id: string) => `/changes/approvals/${id}`;

export const CHANGE_REF_MAX = 100;

export async function submitPlan(
  db: Db,
  input: { file: PlanFile; text: string; changeRef?: string; user: { name: string; role: string } },
): Promise<{ approval: StoredApproval; created: boolean }> {
  const { file, text, user } = input;
  const targets = file.targets.map((t) => targetKey(t.plan.target));
  const stored = await insertApproval(db, {
    planHash: file.hash,
    planText: text,
    accountIds: file.accountIds,
    targets,
    changeRef: input.changeRef,
    submittedBy: user.name,
    submittedVia: file.createdBy.via,
  });
  if (stored.created)
    await appendTrail(db, {
      event: "submitted",
      actor: user.name,
      actorRole: user.role,
      approvalId: stored.approval.id,
      planHash: file.hash,
      targets,
      changeRef: input.changeRef,
    });
  return stored;
}

export type DecideResult =
  | { ok: true; approval: StoredApproval }
  | { ok: false; code: "not-found" | "forbidden" | "conflict" | "invalid-input"; message: string };

/** Approve or reject (a comment is mandatory to reject): one decision per plan, never by its author. */
export async function decidePlan(
  db: Db,
  input: { id: string; user: Reviewer; decision: "approved" | "rejected"; comment?: string },
): Promise<DecideResult> {
  const comment = input.comment?.trim() || undefined;
  if (input.decision === "rejected" && !comment)
    return {
      ok: false,
      code: "invalid-input",
      message: "Say why you reject the plan: a comment is required.",
    };
  const approval = isRecordId(input.id) ? await findApproval(db, input.id) : undefined;
  if (!approval) return { ok: false, code: "not-found", message: "No plan awaits approval under that id." };
  const why = whyCannotDecide(input.user, approval);
  if (why) return { ok: false, code: approval.status === "pending" ? "forbidden" : "conflict", message: why };
  const decided = await decideApproval(db, approval.id, {
    status: input.decision,
    by: input.user.name,
    comment,
  });
  if (!decided)
    return { ok: false, code: "conflict", message: "Someone else decided on this plan a moment ago." };
  await appendTrail(db, {
    event: input.decision,
    actor: input.user.name,
    actorRole: input.user.role,
    approvalId: approval.id,
    planHash: approval.planHash,
    targets: approval.targets,
    changeRef: approval.changeRef,
    detail: comment,
  });
  return { ok: true, approval: decided };
}
