/**
 * The last verification per target, in the database (table `verifications`, one row per target identity),
 * behind a small repository interface. A verification never holds the AUTH token, so storing it is safe.
 */
import { and, eq } from "drizzle-orm";
import { defaultDatabase, type Db } from "./";
import { verifications } from "./schema";
import type { TargetRef } from "@/lib/core/identity/identity";
import type { Verification } from "@/lib/services/verify/verify";

export interface VerificationRepository {
  last(target: TargetRef): Promise<Verification | undefined>;
  save(verification: Verification): Promise<void>;
}

const identity = (t: TargetRef) => ({
  accountId: t.accountId,
  region: t.region,
  kind: t.kind,
  targetId: t.id,
});

/** On `db`, or on the process's database (opened on first use) when none is given. */
export function dbVerificationRepository(db?: Db): VerificationRepository {
  const database = async () => db ?? (await defaultDatabase()).db;
  return {
    async last(t) {
      const rows = await (
        await database()
      )
        .select({ verification: verifications.verification })
        .from(verifications)
        .where(
          and(
            eq(verifications.accountId, t.accountId),
            eq(verifications.region, t.region),
            eq(verifications.kind, t.kind),
            eq(verifications.targetId, t.id),
          ),
        );
      return rows[0]?.verification;
    },
    async save(v) {
      const row = { ...identity(v.target), verification: v, savedAt: new Date() };
      await (
        await database()
      )
        .insert(verifications)
        .values(row)
        .onConflictDoUpdate({
          target: [verifications.accountId, verifications.region, verifications.kind, verifications.targetId],
          set: { verification: v, savedAt: row.savedAt },
        });
    },
  };
}
