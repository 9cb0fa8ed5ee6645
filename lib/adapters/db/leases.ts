/**
 * Named leases: one apply per cluster, one scheduled audit per interval. A lease is held until its holder
 * releases it or stops renewing it; once `expiresAt` passes anyone may take it, so a crashed replica frees
 * what it held within one lease period. Taking and renewing are single conditional statements, so two
 * replicas racing for a lease never both get it.
 */
import { and, eq, gt, lte, or, sql } from "drizzle-orm";
import type { Db } from "./open";
import { leases } from "./schema";

export interface LeaseHolder {
  /** Who holds it, e.g. an apply run id. Only the owner renews or releases. */
  owner: string;
  /** The person (or replica), for the refusal message. */
  holder: string;
  acquiredAt: string;
  renewedAt: string;
  expiresAt: string;
}

export type LeaseResult = { ok: true; lease: LeaseHolder } | { ok: false; lease: LeaseHolder };

type Row = typeof leases.$inferSelect;
const toHolder = (r: Row): LeaseHolder => ({
  owner: r.owner,
  holder: r.holder,
  acquiredAt: r.acquiredAt.toISOString(),
  renewedAt: r.renewedAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
});

export async function readLease(db: Db, name: string): Promise<LeaseHolder | undefined> {
  const [row] = await db.select().from(leases).where(eq(leases.name, name));
  return row ? toHolder(row) : undefined;
}

/** Takes the lease when it is free, expired or already this owner's; otherwise says who holds it. */
export async function acquireLease(
  db: Db,
  name: string,
  who: { owner: string; holder: string },
  opts: { leaseMs: number; now?: Date },
): Promise<LeaseResult> {
  const now = opts.now ?? new Date();
  const expiresAt = new Date(now.getTime() + opts.leaseMs);
  for (let attempt = 0; attempt < 3; attempt++) {
    const [taken] = await db
      .insert(leases)
      .values({ name, ...who, acquiredAt: now, renewedAt: now, expiresAt })
      .onConflictDoUpdate({
        target: leases.name,
        set: { owner: who.owner, holder: who.holder, acquiredAt: now, renewedAt: now, expiresAt },
        setWhere: or(lte(leases.expiresAt, now), eq(leases.owner, who.owner)),
      })
      .returning();
    if (taken) return { ok: true, lease: toHolder(taken) };
    const current = await readLease(db, name);
    // Released between the two statements: try again rather than refuse for a holder that is gone.
    if (current) return { ok: false, lease: current };
  }
  throw new Error(`The lease ${name} changed hands too often to be taken.`);
}

/** Moves the expiry on; false when the lease is no longer this owner's (it expired and was taken). */
export async function renewLease(
  db: Db,
  name: string,
  owner: string,
  opts: { leaseMs: number; now?: Date },
): Promise<boolean> {
  const now = opts.now ?? new Date();
  const rows = await db
    .update(leases)
    .set({ renewedAt: now, expiresAt: new Date(now.getTime() + opts.leaseMs) })
    .where(and(eq(leases.name, name), eq(leases.owner, owner), gt(leases.expiresAt, now)))
    .returning({ name: leases.name });
  return rows.length === 1;
}

export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await db.delete(leases).where(and(eq(leases.name, name), eq(leases.owner, owner)));
}

/** Drops every lease: only for the embedded database at start, which one process owns by construction. */
export async function releaseAllLeases(db: Db): Promise<number> {
  const rows = await db
    .delete(leases)
    .where(sql`true`)
    .returning({ name: leases.name });
  return rows.length;
}
