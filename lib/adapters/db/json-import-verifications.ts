/**
 * The last engine verification per target as the JSON files kept it (`<data dir>/verifications/*.json`,
 * one file per target), imported with the old runs so an upgrade keeps each cluster's last check.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Verification } from "@/lib/core/verify/verification";
import { accountIdString, TARGET_KINDS } from "@/lib/core/identity/identity";
import type { Db } from "./open";
import { verifications } from "./schema";

/** Enough to key and show it; the rest is carried as it was written. */
const legacySchema = z
  .object({
    target: z.object({
      accountId: accountIdString(),
      region: z.string().min(1),
      kind: z.enum(TARGET_KINDS),
      id: z.string().min(1),
    }),
    at: z.iso.datetime(),
    outcome: z.string(),
    api: z.looseObject({}),
    disagreements: z.array(z.string()),
  })
  .loose();

export async function readLegacyVerifications(
  dir: string,
): Promise<{ found: Verification[]; skipped: string[] }> {
  const folder = path.join(dir, "verifications");
  const names = await readdir(folder).catch(() => [] as string[]);
  const found: Verification[] = [];
  const skipped: string[] = [];
  for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
    try {
      const parsed = legacySchema.safeParse(JSON.parse(await readFile(path.join(folder, name), "utf8")));
      if (parsed.success) found.push(parsed.data as unknown as Verification);
      else skipped.push(`verifications/${name}`);
    } catch {
      skipped.push(`verifications/${name}`);
    }
  }
  return { found, skipped };
}

/** Stores them unless the database already has a (newer) one for the target; returns how many went in. */
export async function insertLegacyVerifications(db: Db, list: Verification[]): Promise<number> {
  let inserted = 0;
  for (const v of list) {
    const { accountId, region, kind, id } = v.target;
    const rows = await db
      .insert(verifications)
      .values({ accountId, region, kind, targetId: id, verification: v, savedAt: new Date(v.at) })
      .onConflictDoNothing()
      .returning({ id: verifications.targetId });
    inserted += rows.length;
  }
  return inserted;
}
