import "server-only";
import { estateConfiguration } from "@/lib/services/estate/estate";
import { readAwsSettings } from "@/lib/adapters/aws/settings";
import { AwsError } from "@/lib/adapters/aws/errors";
import type { Db } from "@/lib/adapters/db";
import { latestFinishedRun } from "@/lib/adapters/db/audit-runs";
import { callerIdentity } from "@/lib/services/estate/scope-access";

/** The accounts the header names: one (no accounts file), or several with the base credentials' account. */
export type HeaderAccounts =
  | { mode: "single"; accountId?: string }
  | { mode: "accounts" | "organization"; baseAccountId?: string; count?: number };

/**
 * The account every page names in its header: STS, asked once per process per credential set. Unusable
 * settings or a refused STS call leave it unknown; the page itself says why when it reads.
 */
export async function currentAccountId(): Promise<string | undefined> {
  const read = readAwsSettings(process.env);
  if (!read.ok) return undefined;
  try {
    return (await callerIdentity(read.settings)).accountId;
  } catch (err) {
    if (err instanceof AwsError) return undefined;
    throw err;
  }
}

/**
 * What the header says QueueReady sees, without an AWS call per page: the credentials' account (STS, cached
 * per process), and how the estate is configured (lib/services/estate): the file's list and its length, or
 * for an organization the accounts the latest stored audit covered (listing them is the audit's job, not
 * every page load's).
 */
export async function headerAccounts(db: Db): Promise<HeaderAccounts> {
  const baseAccountId = await currentAccountId();
  const configured = estateConfiguration(process.env);
  // A broken file is said on every page that reads; the header just does not count.
  if (configured.kind === "broken") return { mode: "accounts", baseAccountId };
  if (configured.kind === "own") return { mode: "single", accountId: baseAccountId };
  if (configured.kind === "accounts") return { mode: "accounts", baseAccountId, count: configured.count };
  const audited = (await latestFinishedRun(db))?.accounts;
  return { mode: "organization", baseAccountId, count: audited?.length };
}
