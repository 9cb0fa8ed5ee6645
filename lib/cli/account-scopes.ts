/**
 * The account a CLI command could not reach, as one line: plan names it on stderr, apply in a refusal.
 * Which accounts a command works on is lib/services/audit's `resolveEstate`, shared by audit, plan and apply.
 */
import type { AccountScope } from "@/lib/services/estate/scopes";

/** "456789012345 (research): QueueReady cannot assume …" for an account that could not be reached. */
export function scopeProblemLine(scope: AccountScope): string {
  return `${scope.accountId} (${scope.name}): ${scope.problem?.message ?? "the account cannot be read."}`;
}
