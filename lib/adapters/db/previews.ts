/**
 * Binding previews. Each preview page load records one (about 11 KB of plan), so they expire: an expired
 * preview is never served, and expired rows are deleted as new ones arrive (at most once a minute per
 * process, one indexed DELETE), so the table holds roughly one TTL's worth of previews.
 */
import { eq, lte } from "drizzle-orm";
import type { Plan } from "@/lib/core/plan";
import type { Db } from "./open";
import { newId } from "./record-id";
import { previews } from "./schema";

export interface StoredPreview {
  id: string;
  createdAt: string;
  expiresAt: string;
  user?: { name: string; role: string };
  plan: Plan;
}

/** Long enough to read a preview and decide; an apply after that previews again (live state moves). */
export const PREVIEW_TTL_MS = 60 * 60_000;
const SWEEP_EVERY_MS = 60_000;
const lastSweep = new WeakMap<Db, number>();

export async function deleteExpiredPreviews(db: Db, now: Date = new Date()): Promise<number> {
  const gone = await db.delete(previews).where(lte(previews.expiresAt, now)).returning({ id: previews.id });
  return gone.length;
}

export async function insertPreview(
  db: Db,
  preview: { id: string; plan: Plan; user?: { name: string; role: string } },
  opts: { now?: Date; ttlMs?: number } = {},
): Promise<StoredPreview> {
  const now = opts.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (opts.ttlMs ?? PREVIEW_TTL_MS));
  const { region, target } = preview.plan;
  await db.insert(previews).values({
    id: preview.id,
    accountId: target.accountId,
    region,
    kind: target.kind,
    targetId: target.id,
    userName: preview.user?.name ?? null,
    userRole: preview.user?.role ?? null,
    plan: preview.plan,
    createdAt: now,
    expiresAt,
  });
  if (now.getTime() - (lastSweep.get(db) ?? 0) >= SWEEP_EVERY_MS) {
    lastSweep.set(db, now.getTime());
    await deleteExpiredPreviews(db, now);
  }
  return { ...preview, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
}

/** The preview, unless it is unknown or expired. */
export async function findPreview(
  db: Db,
  id: string,
  now: Date = new Date(),
): Promise<StoredPreview | undefined> {
  const [row] = await db.select().from(previews).where(eq(previews.id, id));
  if (!row || row.expiresAt.getTime() <= now.getTime()) return undefined;
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    ...(row.userName ? { user: { name: row.userName, role: row.userRole ?? "viewer" } } : {}),
    plan: row.plan,
  };
}

export function savePreview(
  db: Db,
  plan: Plan,
  user?: { name: string; role: string },
): Promise<StoredPreview> {
  return insertPreview(db, { id: newId(), plan, user });
}
