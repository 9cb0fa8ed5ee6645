/**
 * Failed sign-ins and the addresses users signed in from, in the database: every replica counts the same
 * failures, and a restart forgets none. What the counts mean (limits, windows, usual addresses) is the
 * caller's rule; this file only stores and reads them.
 */
import { and, desc, eq, gt, lte, notInArray } from "drizzle-orm";
import type { Db } from "./open";
import { signInFailures, signInUsualAddresses } from "./schema";

/** The key's last `limit` failures after `since`, oldest first: all a limit of `limit` needs to decide. */
export async function failuresSince(db: Db, key: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await db
    .select({ at: signInFailures.at })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gt(signInFailures.at, since)))
    .orderBy(desc(signInFailures.at))
    .limit(limit);
  return rows.map((r) => r.at).reverse();
}

/** Records one failure under each key, and deletes every failure at or before `forgetBefore`. */
export async function recordFailure(db: Db, keys: string[], at: Date, forgetBefore: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(signInFailures).where(lte(signInFailures.at, forgetBefore));
    await tx.insert(signInFailures).values(keys.map((key) => ({ key, at })));
  });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}

/** Notes a successful sign-in from `address`, keeping only the user's `keep` most recent addresses. */
export async function recordUsualAddress(
  db: Db,
  username: string,
  address: string,
  at: Date,
  keep: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(signInUsualAddresses)
      .values({ username, address, lastSuccessAt: at })
      .onConflictDoUpdate({
        target: [signInUsualAddresses.username, signInUsualAddresses.address],
        set: { lastSuccessAt: at },
      });
    const recent = tx
      .select({ address: signInUsualAddresses.address })
      .from(signInUsualAddresses)
      .where(eq(signInUsualAddresses.username, username))
      .orderBy(desc(signInUsualAddresses.lastSuccessAt))
      .limit(keep);
    await tx
      .delete(signInUsualAddresses)
      .where(
        and(eq(signInUsualAddresses.username, username), notInArray(signInUsualAddresses.address, recent)),
      );
  });
}

/** When the user last signed in from `address`, if they did. */
export async function lastSuccessFrom(db: Db, username: string, address: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: signInUsualAddresses.lastSuccessAt })
    .from(signInUsualAddresses)
    .where(and(eq(signInUsualAddresses.username, username), eq(signInUsualAddresses.address, address)));
  return row?.at;
}
