/**
 * The cause lookup with each account's own read settings (its read role, or the base credentials), as
 * the audit reads it. The accounts come from the estate (lib/services/estate), listed at most every few
 * minutes, not once per event.
 */
import { getEstate, type EstateSource } from "@/lib/services/estate/estate";
import { lookupCause, type CauseEntry } from "./cause";
import type { TargetEventRow } from "@/lib/adapters/db/target-events";

export function causeFinder(source: EstateSource): (event: TargetEventRow) => Promise<CauseEntry[]> {
  return async (event) => {
    const estate = await getEstate(source);
    if (!estate.ok) throw new Error(estate.problem.message);
    const account = estate.accounts.find((a) => a.accountId === event.accountId);
    if (!account?.read)
      throw new Error(
        account?.problem?.message ?? `Account ${event.accountId} is not among the audited accounts.`,
      );
    return lookupCause(account.read, {
      region: event.region,
      kind: event.kind,
      targetId: event.targetId,
      since: event.since,
      at: event.at,
    });
  };
}
