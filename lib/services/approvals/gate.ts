/**
 * The gate every apply passes (the CLI's, an approved plan's from its page): when the policy asks for an
 * approval, only the very bytes that were approved, before the approval expires, may apply. A refusal
 * because the approval expired is written to the trail.
 */
import type { Db } from "@/lib/adapters/db";
import { findApprovalByHash, type StoredApproval } from "@/lib/adapters/db/approvals";
import { appendTrail } from "@/lib/adapters/db/audit-trail";
import { gateOf, type Gate } from "@/lib/core/approvals/gate";
import { needsApproval, type ApprovalPolicy } from "@/lib/core/approvals/policy";
import type { PlanFile } from "@/lib/core/plan-file";

export type PlanGate =
  | { open: true; approval?: StoredApproval }
  | (Extract<Gate, { open: false }> & { approval?: StoredApproval });

export async function gatePlanFile(
  db: Db,
  input: { file: PlanFile; text: string; policy: ApprovalPolicy; actor: string; now?: Date },
): Promise<PlanGate> {
  const { file, policy } = input;
  if (!needsApproval(policy, file.accountIds)) return { open: true };
  const now = input.now ?? new Date();
  const approval = await findApprovalByHash(db, file.hash);
  // Same content hash but other bytes: reformatted or re-serialised after approval, not what was read.
  if (approval && approval.planText !== input.text)
    return {
      open: false,
      code: "not-submitted",
      reason: `awaiting approval: this file differs byte for byte from the plan approved at /changes/approvals/${approval.id}; apply that exact file.`,
      approval,
    };
  const gate = gateOf(approval, now, policy.ttlMs);
  if (gate.open) return { open: true, approval };
  if (gate.code === "expired")
    await appendTrail(db, {
      event: "expired",
      actor: input.actor,
      approvalId: approval!.id,
      planHash: file.hash,
      targets: approval!.targets,
      changeRef: approval!.changeRef,
      detail: gate.reason,
    });
  return { ...gate, approval };
}
