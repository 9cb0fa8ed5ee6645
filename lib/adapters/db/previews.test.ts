import { describe, expect, it } from "vitest";
import { deleteExpiredPreviews, findPreview, insertPreview } from "./previews";
import { previews } from "./schema";
import { sampleRun } from "./test-fixtures";
import { BACKENDS, databasesPerFile, warmUp } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
warmUp(dbs);
const plan = sampleRun("x").plan;
const t0 = new Date("2026-01-15T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe.each(BACKENDS)("previews (%s)", (backend) => {
  it("serves a preview until it expires, then never again, and deletes expired ones as new ones arrive", async () => {
    const { db } = await dbs.open(backend);
    const user = { name: "operator", role: "operator" };
    const stored = await insertPreview(db, { id: "p1", plan, user }, { now: t0, ttlMs: 60_000 });
    expect(stored.expiresAt).toBe(at(60_000).toISOString());
    expect(await findPreview(db, "p1", at(59_999))).toEqual({ ...stored, user, plan });
    expect(await findPreview(db, "p1", at(60_000))).toBeUndefined();
    expect(await findPreview(db, "unknown", t0)).toBeUndefined();
    // Ten page loads an hour apart leave one row behind, not ten.
    for (let i = 1; i <= 10; i++)
      await insertPreview(db, { id: `p-${i}`, plan }, { now: at(i * 3_600_000), ttlMs: 60_000 });
    expect((await db.select({ id: previews.id }).from(previews)).map((r) => r.id)).toEqual(["p-10"]);
    expect(await deleteExpiredPreviews(db, at(11 * 3_600_000))).toBe(1);
  });

  it("keeps each user's newest previews only, and leaves other users' alone", async () => {
    const { db } = await dbs.open(backend);
    const viewer = { name: "vera", role: "viewer" };
    const operator = { name: "olga", role: "operator" };
    await insertPreview(db, { id: "olga-1", plan, user: operator }, { now: t0 });
    for (let i = 1; i <= 8; i++)
      await insertPreview(db, { id: `vera-${i}`, plan, user: viewer }, { now: at(i), maxPerUser: 3 });
    const ids = (await db.select({ id: previews.id }).from(previews)).map((r) => r.id).sort();
    expect(ids).toEqual(["olga-1", "vera-6", "vera-7", "vera-8"]);
    expect(await findPreview(db, "vera-1", at(10))).toBeUndefined();
  });

  it("refuses a second preview with the same id", async () => {
    const { db } = await dbs.open(backend);
    await insertPreview(db, { id: "dup", plan }, { now: t0 });
    await expect(insertPreview(db, { id: "dup", plan }, { now: t0 })).rejects.toThrow();
  });
});
