/**
 * One-time import of the JSON files that held apply runs before the database (`<data dir>/runs/*.json`),
 * and each cluster's last engine verification (`<data dir>/verifications/*.json`), so an upgrade keeps its
 * history. Previews and locks are not imported: previews expire within the hour
 * anyway, and a lock of the old single process cannot be held by anyone after the restart. A marker row
 * makes the import happen once, whichever replica starts first; the files are left where they were.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { ApplyRun } from "./run-records";
import type { Db } from "./open";
import { insertLegacyVerifications, readLegacyVerifications } from "./json-import-verifications";
import { insertRun } from "./runs";
import { applyRuns, meta } from "./schema";
import { eq } from "drizzle-orm";

const MARKER = "json-import";

/** Enough of a run's shape to store it; the rest is carried as it was written. */
const legacyRunSchema = z
  .object({
    id: z.string().regex(/^[0-9a-z-]{1,64}$/),
    region: z.string().min(1),
    target: z.object({
      accountId: z
        .string()
        .regex(/^\d{12}$/)
        .optional(),
      kind: z.enum(["replication-group", "cache-cluster"]),
      id: z.string().min(1),
    }),
    user: z.object({ name: z.string(), role: z.string() }),
    startedAt: z.iso.datetime(),
    heartbeatAt: z.iso.datetime(),
    status: z.enum(["running", "succeeded", "failed", "timed-out", "interrupted"]),
    phase: z.enum(["executing", "converging", "auditing", "finished"]),
    message: z.string(),
    plan: z.looseObject({ region: z.string(), target: z.looseObject({ id: z.string() }) }),
    steps: z.array(z.looseObject({ id: z.string(), title: z.string(), status: z.string() })),
    created: z.array(z.looseObject({ type: z.string(), region: z.string(), createdAt: z.string() })),
  })
  .loose();

/**
 * Where runs written before targets carried their account come from: the account of QueueReady's own
 * credentials, the only one it knew then. Asked of AWS (STS) by the caller, never assumed.
 */
export type LegacyAccountSource = () => Promise<string | undefined>;

function withIdentity(run: ApplyRun, legacyAccountId: string | undefined): ApplyRun {
  const target = { ...run.target, accountId: run.target.accountId ?? legacyAccountId!, region: run.region };
  return { ...run, target };
}

async function readLegacyRuns(dir: string): Promise<{ runs: ApplyRun[]; skipped: string[] }> {
  const folder = path.join(dir, "runs");
  const names = await readdir(folder).catch(() => [] as string[]);
  const runs: ApplyRun[] = [];
  const skipped: string[] = [];
  for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
    try {
      const parsed = legacyRunSchema.safeParse(JSON.parse(await readFile(path.join(folder, name), "utf8")));
      if (parsed.success) runs.push(parsed.data as unknown as ApplyRun);
      else skipped.push(name);
    } catch {
      skipped.push(name);
    }
  }
  return { runs, skipped };
}

export interface ImportResult {
  imported: number;
  /** Last verifications imported. */
  verifications: number;
  /** Files that were not runs QueueReady wrote (left alone, named here for the log). */
  skipped: string[];
  /** Old runs that name no account, left for a process that can ask AWS which account it is in. */
  deferred?: number;
}

/**
 * Imports the old runs unless that was done before; returns undefined when there was nothing to do. Runs
 * that name no account wait (nothing is imported, the import is not marked done) until a process that
 * knows its own account starts.
 */
export async function importJsonStore(
  db: Db,
  dataDir: string,
  legacyAccount?: LegacyAccountSource,
): Promise<ImportResult | undefined> {
  const [done] = await db.select().from(meta).where(eq(meta.key, MARKER));
  if (done) return undefined;
  const { runs: read, skipped: runsSkipped } = await readLegacyRuns(dataDir);
  const unnamed = read.filter((r) => !r.target.accountId).length;
  const legacyAccountId = unnamed > 0 ? await legacyAccount?.() : undefined;
  if (unnamed > 0 && !legacyAccountId)
    return { imported: 0, verifications: 0, skipped: [], deferred: unnamed };
  const runs = read.map((r) => withIdentity(r, legacyAccountId));
  const verified = await readLegacyVerifications(dataDir);
  const skipped = [...runsSkipped, ...verified.skipped];
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(meta)
      .values({ key: MARKER, value: { runs: runs.length, skipped }, updatedAt: new Date() })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) return undefined;
    let imported = 0;
    for (const run of runs) {
      const exists = await tx.select({ id: applyRuns.id }).from(applyRuns).where(eq(applyRuns.id, run.id));
      if (exists.length > 0) continue;
      await insertRun(tx as unknown as Db, run);
      imported++;
    }
    const verifications = await insertLegacyVerifications(tx as unknown as Db, verified.found);
    return { imported, verifications, skipped };
  });
}
