import "server-only";
/**
 * Who owns what a plan changes, for the preview (the notice, the fix as code, "Apply anyway") and for the
 * apply action that refuses without a reason: one read, as the CLI's apply reads it.
 */
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { checkOwnedWrites, type OwnerCheck } from "@/lib/services/apply/owner-check";
import { openScope } from "@/lib/services/estate/scope-access";
import type { Plan } from "@/lib/core/plan";
import { ownedWriteLine } from "@/lib/core/plan/owned-writes";

export interface PlanOwners {
  /** One line per owned resource the plan writes. */
  owned: string[];
  /** Why an owner could not be told (said, not refused). */
  unknown: string[];
}

/** A read that fails leaves the owners untold: apply is not refused for it, and the person is told why. */
export async function planOwners(settings: AwsSettings, plan: Plan): Promise<PlanOwners> {
  let check: OwnerCheck;
  try {
    check = await checkOwnedWrites(await openScope(settings, plan.region), plan);
  } catch (err) {
    if (err instanceof AwsError) return { owned: [], unknown: [`Owners not read: ${err.problem.message}`] };
    throw err;
  }
  return { owned: check.owned.map(ownedWriteLine), unknown: check.unknown };
}
