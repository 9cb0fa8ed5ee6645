/**
 * Applies lib/adapters/db/migrations (made by `npm run db:generate` from schema.ts) with Drizzle's migrator. On a
 * server several replicas may start at once, so the migration runs under a PostgreSQL advisory lock held
 * on one connection: the first applies, the others wait and then find nothing left to do.
 */
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { Pool } from "pg";

/** Any fixed 64-bit number, the same in every replica ("queueready" in ASCII, truncated). */
const MIGRATION_LOCK = 0x71756575657265n;

export function migrationsFolder(): string {
  // Read at run time from the checkout (npm start runs from it); not a bundling input.
  return path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "adapters", "db", "migrations");
}

export async function migrateEmbedded(client: PGlite): Promise<void> {
  await migratePglite(drizzlePglite({ client }), { migrationsFolder: migrationsFolder() });
}

export async function migrateServer(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK.toString()]);
    try {
      await migratePg(drizzlePg({ client }), { migrationsFolder: migrationsFolder() });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK.toString()]);
    }
  } finally {
    client.release();
  }
}
