/**
 * Signed-out sessions, until their token would have expired anyway. A JWT session cannot be recalled from
 * the browser that holds a copy, so sign-out records the session id here and every request checks it.
 * The whole storage contract is the small async interface below, backed by the database (lib/db), so a
 * sign-out on one replica is refused by every other.
 */
import { defaultDatabase, type Db } from "@/lib/adapters/db";
import { isSessionRevoked, revokeSession } from "@/lib/adapters/db/revocations";

export interface RevocationStore {
  /** Refuse session `sid` from now until `untilMs` (epoch ms; after that its token is expired anyway). */
  revoke(sid: string, untilMs: number): Promise<void>;
  isRevoked(sid: string): Promise<boolean>;
}

export function storeRevocations(
  db: () => Promise<Db> = async () => (await defaultDatabase()).db,
  now: () => number = Date.now,
): RevocationStore {
  return {
    async revoke(sid, untilMs) {
      await revokeSession(await db(), sid, new Date(untilMs), new Date(now()));
    },
    isRevoked: async (sid) => isSessionRevoked(await db(), sid, new Date(now())),
  };
}
