/**
 * `npm run apply`'s two-person rule, checked before any AWS call: a plan file that the policy says needs an
 * approval applies only as approved (the same bytes, not expired, never rejected).
 */
import type { Db } from "@/lib/adapters/db";
import type { PlanFile } from "@/lib/core/plan-file";
import { needsApproval } from "@/lib/core/approvals/policy";
import { applyPolicy } from "@/lib/services/approvals/policy";
import { gatePlanFile } from "@/lib/services/approvals/gate";
import { approvalPath } from "@/lib/services/approvals/submit";
import type { RunTrail } from "@/lib/services/apply/types";
import type { CliIo } from "./run-audit";

/**
 * Whether the approval policy lets this file apply: exit 2 with the reason ("awaiting approval", "rejected
 * by …", "approval expired") when it does not. The policy is this environment's (the same switch and
 * accounts file as the app's) joined with the one the app recorded at its start, the stricter winning.
 */
export async function approvalGate(
  loaded: { file: PlanFile; text: string },
  actor: string,
  env: NodeJS.ProcessEnv,
  io: CliIo,
  openDb: () => Promise<Db | undefined>,
): Promise<{ ok: true; trail?: RunTrail } | { ok: false }> {
  // The database first: the app's recorded policy counts even where this environment says nothing.
  const db = await openDb();
  if (!db) return { ok: false };
  const policy = await applyPolicy(db, env);
  if (!policy.ok) {
    io.err(`${policy.reason}\n`);
    return { ok: false };
  }
  if (!needsApproval(policy.policy, loaded.file.accountIds)) return { ok: true };
  const gate = await gatePlanFile(db, { ...loaded, policy: policy.policy, actor });
  if (!gate.open) {
    io.err(`REFUSED, nothing was applied: ${gate.reason}\n`);
    return { ok: false };
  }
  const a = gate.approval!;
  io.out(
    `Approved by ${a.decision!.by} (${approvalPath(a.id)}${a.changeRef ? `, change ${a.changeRef}` : ""}).\n`,
  );
  return {
    ok: true,
    trail: { event: "applied", approvalId: a.id, planHash: a.planHash, changeRef: a.changeRef },
  };
}
