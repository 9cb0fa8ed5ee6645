/** Revoked session ids (sign-out), shared by every replica; expired entries are deleted as new ones come. */
import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "./open";
import { revokedSessions } from "./schema";

export async function revokeSession(db: Db, sid: string, until: Date, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(revokedSessions).where(lte(revokedSessions.until, now));
    await tx
      .insert(revokedSessions)
      .values({ sid, until })
      .onConflictDoUpdate({ target: revokedSessions.sid, set: { until } });
  });
}

export async function isSessionRevoked(db: Db, sid: string, now: Date = new Date()): Promise<boolean> {
  const rows = await db
    .select({ sid: revokedSessions.sid })
    .from(revokedSessions)
    .where(and(eq(revokedSessions.sid, sid), gt(revokedSessions.until, now)));
  return rows.length > 0;
}
