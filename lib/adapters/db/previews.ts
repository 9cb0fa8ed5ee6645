/**
 * Binding previews. Each preview page load records one (about 11 KB of plan), so they expire: an expired
 * preview is never served, and expired rows are deleted as new ones arrive (at most once a minute per
 * process, one indexed DELETE), so the table holds roughly one TTL's worth of previews.
 */
import { and, desc, eq, lte, notInArray } from "drizzle-orm";
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
/**
 * Previews kept per user: far more than a person compares, few enough that one user cannot fill the
 * database (the per-user rate limit bounds how fast, this bounds how many).
 */
export const MAX_PREVIEWS_PER_USER = 50;
const SWEEP_EVERY_MS = 60_000;
const lastSweep = new WeakMap<Db, number>();

export async function deleteExpiredPreviews(db: Db, now: Date = new Date()): Promise<number> {
  const gone = await db.delete(previews).where(lte(previews.expiresAt, now)).returning({ id: previews.id });
  return gone.length;
}

export async function insertPreview(
  db: Db,
  preview: { id: string; plan: Plan; user?: { name: string; role: string } },
  opts: { now?: Date; ttlMs?: number; maxPerUser?: number } = {},
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
  if (preview.user) await keepNewestOf(db, preview.user.name, opts.maxPerUser ?? MAX_PREVIEWS_PER_USER);
  if (now.getTime() - (lastSweep.get(db) ?? 0) >= SWEEP_EVERY_MS) {
    lastSweep.set(db, now.getTime());
    await deleteExpiredPreviews(db, now);
  }
  return { ...preview, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
}

/** Deletes the user's previews beyond their `keep` newest (an older one then asks for a new preview). */
async function keepNewestOf(db: Db, userName: string, keep: number): Promise<void> {
  const newest = db
    .select({ id: previews.id })
    .from(previews)
    .where(eq(previews.userName, userName))
    .orderBy(desc(previews.createdAt), desc(previews.id))
    .limit(keep);
  await db.delete(previews).where(and(eq(previews.userName, userName), notInArray(previews.id, newest)));
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
