/**
 * The last verification per target (table `verifications`, one row per target identity). A verification
 * never holds the AUTH token, so storing it is safe.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "./open";
import { verifications } from "./schema";
import type { TargetRef } from "@/lib/core/identity/identity";
import type { Verification } from "@/lib/core/verify/verification";

export async function lastVerification(db: Db, t: TargetRef): Promise<Verification | undefined> {
  const rows = await db
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
}

export async function saveVerification(db: Db, v: Verification): Promise<void> {
  const t = v.target;
  const savedAt = new Date();
  await db
    .insert(verifications)
    .values({
      accountId: t.accountId,
      region: t.region,
      kind: t.kind,
      targetId: t.id,
      verification: v,
      savedAt,
    })
    .onConflictDoUpdate({
      target: [verifications.accountId, verifications.region, verifications.kind, verifications.targetId],
      set: { verification: v, savedAt },
    });
}
