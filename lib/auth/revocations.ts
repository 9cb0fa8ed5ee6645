/**
 * Signed-out sessions, until their token would have expired anyway. A JWT session cannot be recalled from
 * the browser that holds a copy, so sign-out records the session id here and every request checks it.
 * The whole storage contract is the small async interface below; today's backing is lib/store (one JSON
 * document, pruned of expired entries on each write), and a database can implement the same two calls.
 */
import { defaultStore, type JsonStore } from "@/lib/store";

export interface RevocationStore {
  /** Refuse session `sid` from now until `untilMs` (epoch ms; after that its token is expired anyway). */
  revoke(sid: string, untilMs: number): Promise<void>;
  isRevoked(sid: string): Promise<boolean>;
}

const KEY = "auth/revoked-sessions";

/** Session id → epoch ms after which the entry can be forgotten. */
type Revoked = Record<string, number>;

export function storeRevocations(
  store: () => JsonStore = defaultStore,
  now: () => number = Date.now,
): RevocationStore {
  return {
    async revoke(sid, untilMs) {
      await store().update<Revoked>(KEY, {}, (current) => {
        const t = now();
        const kept = Object.entries(current).filter(([, until]) => until > t);
        return Object.fromEntries([...kept, [sid, untilMs]]);
      });
    },
    async isRevoked(sid) {
      const revoked = await store().read<Revoked>(KEY, {});
      const until = Object.hasOwn(revoked, sid) ? revoked[sid] : undefined;
      return until !== undefined && until > now();
    },
  };
}
