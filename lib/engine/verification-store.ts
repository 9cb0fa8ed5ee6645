/**
 * The last verification per target, behind a small repository interface: today on the JSON store, later on
 * the database (only this file changes). A verification never holds the AUTH token, so storing it is safe.
 */
import { createHash } from "node:crypto";
import { defaultStore, type JsonStore } from "@/lib/store";
import { targetKey, type TargetRef } from "@/lib/inventory";
import type { Verification } from "./verify";

export interface VerificationRepository {
  last(target: TargetRef): Promise<Verification | undefined>;
  save(verification: Verification): Promise<void>;
}

/** One key per target (its targetKey, hashed: the store's keys allow fewer characters than AWS ids). */
function keyOf(t: TargetRef): string {
  return `verifications/${createHash("sha256").update(targetKey(t)).digest("hex").slice(0, 32)}`;
}

export function jsonVerificationRepository(store: JsonStore = defaultStore()): VerificationRepository {
  return {
    last: async (t) => (await store.read<Verification | null>(keyOf(t), null)) ?? undefined,
    save: (v) => store.write(keyOf(v.target), v),
  };
}
