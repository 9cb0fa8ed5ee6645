/**
 * The cause lookup with each account's own read settings (its read role, or the base credentials), as
 * the audit reads it. The account list is resolved at most every few minutes, not once per event.
 */
import { listAuditScopes, type AccountScope } from "@/lib/services/estate/scopes";
import type { AccountsConfig } from "@/lib/services/estate/accounts-file";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { lookupCause, type CauseEntry } from "./cause";
import type { TargetEventRow } from "@/lib/adapters/db/target-events";

const SCOPES_TTL_MS = 5 * 60_000;

export function causeFinder(
  base: AwsSettings,
  config: AccountsConfig | undefined,
): (event: TargetEventRow) => Promise<CauseEntry[]> {
  let scopes: { at: number; list: Promise<AccountScope[]> } | undefined;
  const current = () => {
    if (!scopes || Date.now() - scopes.at > SCOPES_TTL_MS) {
      const list = listAuditScopes(base, config);
      list.catch(() => (scopes = undefined));
      scopes = { at: Date.now(), list };
    }
    return scopes.list;
  };
  return async (event) => {
    const scope = (await current()).find((s) => s.accountId === event.accountId);
    if (!scope?.settings)
      throw new Error(
        scope?.problem?.message ?? `Account ${event.accountId} is not among the audited accounts.`,
      );
    return lookupCause(scope.settings, {
      region: event.region,
      kind: event.kind,
      targetId: event.targetId,
      since: event.since,
      at: event.at,
    });
  };
}
