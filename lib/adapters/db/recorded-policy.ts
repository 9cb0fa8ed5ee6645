/**
 * The approval policy the app started with, kept in `meta`: `npm run apply` runs in another environment
 * (CI, a terminal) and must not apply without approval because its own variables say nothing.
 */
import { eq } from "drizzle-orm";
import type { ApprovalPolicy } from "@/lib/core/approvals/policy";
import type { Db } from "./open";
import { meta } from "./schema";

const KEY = "approval-policy";

interface Recorded {
  everywhere: boolean;
  accounts: string[];
  ttlMs: number;
}

/** Replaces the recorded policy with this one (the latest app to start wins: replicas share one configuration). */
export async function recordApprovalPolicy(db: Db, policy: ApprovalPolicy, now = new Date()): Promise<void> {
  const value: Recorded = {
    everywhere: policy.everywhere,
    accounts: [...policy.accounts].sort(),
    ttlMs: policy.ttlMs,
  };
  await db
    .insert(meta)
    .values({ key: KEY, value, updatedAt: now })
    .onConflictDoUpdate({ target: meta.key, set: { value, updatedAt: now } });
}

/** The policy the app recorded, or undefined when no app has started on this database yet. */
export async function recordedApprovalPolicy(db: Db): Promise<ApprovalPolicy | undefined> {
  const [row] = await db.select().from(meta).where(eq(meta.key, KEY));
  if (!row) return undefined;
  const value = row.value as Recorded;
  return { everywhere: value.everywhere, accounts: new Set(value.accounts), ttlMs: value.ttlMs };
}
