/**
 * Runs one piece of work per scope (account-region) of the estate with a bound on how many run at once. AWS throttles per
 * account and region, so the bound is on account-regions in flight (each one's own calls are paced by its
 * collector), and an account that could not be reached yields its problem for each of its regions.
 */
import pLimit from "p-limit";
import type { EstateAccount } from "./list-accounts";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { AwsProblem } from "@/lib/core/model/resources";

/** Account-regions read at once unless configured (QUEUEREADY_SCOPE_CONCURRENCY or the file's `concurrency`). */
export const DEFAULT_SCOPE_CONCURRENCY = 8;

export type AccountRegionResult<T> =
  | { accountId: string; accountName: string; region: string; ok: true; value: T }
  | { accountId: string; accountName: string; region: string; ok: false; problem: AwsProblem };

/**
 * Calls `work(settings, region)` for every reachable account-region, at most `concurrency` at a time,
 * and resolves in the accounts' order. `work` must not throw for an AWS failure (return it in T instead); an
 * unreachable account yields `ok: false` rows without calling it.
 */
export async function mapAccountRegions<T>(
  accounts: EstateAccount[],
  concurrency: number,
  work: (settings: AwsSettings, region: string, account: EstateAccount) => Promise<T>,
): Promise<AccountRegionResult<T>[]> {
  const limit = pLimit(Math.max(1, concurrency));
  return Promise.all(
    accounts.flatMap((account) =>
      account.regions.map(async (region): Promise<AccountRegionResult<T>> => {
        const where = { accountId: account.accountId, accountName: account.name, region };
        const settings = account.read;
        if (!settings) {
          const problem = account.problem ?? {
            code: "unknown" as const,
            message: "The account cannot be read.",
            retryable: false,
          };
          return { ...where, ok: false, problem };
        }
        return { ...where, ok: true, value: await limit(() => work(settings, region, account)) };
      }),
    ),
  );
}

/** The configured bound: QUEUEREADY_SCOPE_CONCURRENCY (1..64), else the file's, else the default. */
export function scopeConcurrency(
  env: Readonly<Record<string, string | undefined>>,
  fromFile?: number,
): number {
  const raw = env.QUEUEREADY_SCOPE_CONCURRENCY?.trim();
  if (!raw) return fromFile ?? DEFAULT_SCOPE_CONCURRENCY;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`QUEUEREADY_SCOPE_CONCURRENCY must be a whole number from 1 to 64, not "${raw}".`);
  return n;
}
