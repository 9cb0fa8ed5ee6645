import "server-only";
/**
 * Undo across the estate: each account's unused resources, listed with that account's READ settings (the
 * history page is a viewer's page too); only the removal itself, an operator's action, uses APPLY settings.
 */
import { listApplyRuns } from "@/lib/adapters/db/lookups";
import { undoCandidates, type UndoCandidate } from "@/lib/services/apply/undo";
import { AwsError } from "@/lib/adapters/aws/errors";
import type { AwsProblem } from "@/lib/core/model/resources";
import type { Db } from "@/lib/adapters/db";
import { getEstate } from "@/lib/services/estate";
import { uniqueCandidates } from "./undo-key";

export type AccountCandidate = UndoCandidate & { accountId: string; accountName: string };

export interface EstateCandidates {
  candidates: AccountCandidate[];
  problems: { accountId: string; accountName: string; problem: AwsProblem }[];
}

/**
 * Every account that has applies in the history is checked; accounts without any cost no AWS call.
 * `db`: the history's database (default: the process's).
 */
export async function estateUndoCandidates(opts: { db?: Db } = {}): Promise<EstateCandidates> {
  const estate = await getEstate();
  if (!estate.ok)
    return { candidates: [], problems: [{ accountId: "", accountName: "", problem: estate.problem }] };
  const applied = new Set((await listApplyRuns({ db: opts.db })).map((r) => r.target.accountId));
  const out: EstateCandidates = { candidates: [], problems: [] };
  await Promise.all(
    estate.accounts
      .filter((a) => applied.has(a.accountId))
      .map(async (a) => {
        const named = { accountId: a.accountId, accountName: a.name };
        if (!a.read) {
          if (a.problem) out.problems.push({ ...named, problem: a.problem });
          return;
        }
        try {
          const found = uniqueCandidates(await undoCandidates({ settings: a.read, db: opts.db }));
          out.candidates.push(...found.map((c) => ({ ...c, ...named })));
        } catch (err) {
          if (!(err instanceof AwsError)) throw err;
          out.problems.push({ ...named, problem: err.problem });
        }
      }),
  );
  return out;
}
