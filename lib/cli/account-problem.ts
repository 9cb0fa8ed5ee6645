/**
 * The account a CLI command could not reach, as one line: plan names it on stderr, apply in a refusal.
 * Which accounts a command works on is the estate's `resolveEstate` (lib/services/estate), shared by
 * audit, plan and apply.
 */
import type { EstateAccount } from "@/lib/services/estate/list-accounts";

/** "456789012345 (research): QueueReady cannot assume …" for an account that could not be reached. */
export function accountProblemLine(account: EstateAccount): string {
  return `${account.accountId} (${account.name}): ${account.problem?.message ?? "the account cannot be read."}`;
}
