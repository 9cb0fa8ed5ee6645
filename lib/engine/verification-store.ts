/**
 * The last verification per target, behind a small repository interface: today on the JSON store, later on
 * the database (only this file changes). A verification never holds the AUTH token, so storing it is safe.
 */
import { createHash } from "node:crypto";
import { defaultStore, type JsonStore } from "@/lib/store";
import type { Verification } from "./verify";

export interface VerificationTarget {
  accountId?: string;
  region: string;
  kind: string;
  id: string;
}

export interface VerificationRepository {
  last(target: VerificationTarget): Promise<Verification | undefined>;
  save(verification: Verification): Promise<void>;
}

/** One key per target; hashed because cluster ids and regions are not all valid store key characters. */
function keyOf(t: VerificationTarget): string {
  const id = `${t.accountId ?? "default"}/${t.region}/${t.kind}/${t.id}`;
  return `verifications/${createHash("sha256").update(id).digest("hex").slice(0, 32)}`;
}

export function jsonVerificationRepository(store: JsonStore = defaultStore()): VerificationRepository {
  return {
    last: async (t) => (await store.read<Verification | null>(keyOf(t), null)) ?? undefined,
    save: (v) => store.write(keyOf(v.target), v),
  };
}
