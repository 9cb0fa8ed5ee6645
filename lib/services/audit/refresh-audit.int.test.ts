import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { latestFinishedRun } from "@/lib/adapters/db/audit-runs";
import { auditRuns } from "@/lib/adapters/db/schema";
import { sandboxPerFile } from "@/tools/testing/int-harness";
import { memoryDatabase } from "@/tools/testing/test-db";
import { startRefresh } from "./refresh-audit";

const h = sandboxPerFile();
const database = memoryDatabase();
afterAll(async () => (await database).close());

const runCount = async () => {
  const { db } = await database;
  return (await db.select({ n: count() }).from(auditRuns))[0]!.n;
};

describe("startRefresh (the status page's Refresh) with a real database and the sandbox", () => {
  it("audits, then refuses another audit until the last one is old enough, with no side effect", async () => {
    const { db } = await database;
    const env = { QUEUEREADY_REFRESH_MIN_AGE_SECONDS: "30" };
    // Nothing stored yet: the first Refresh audits.
    const first = await startRefresh(db, h.settings, env, "viewer");
    if (!first.started) throw new Error(first.message);
    await first.done;
    const finishedAt = (await latestFinishedRun(db))!.finishedAt!;
    expect(await runCount()).toBe(1);

    h.sandbox.control.resetCalls();
    const soon = new Date(finishedAt.getTime() + 10_000);
    const refused = await startRefresh(db, h.settings, env, "viewer", soon);
    expect(refused).toEqual({
      started: false,
      message: expect.stringMatching(/finished 10 s ago.*allowed again at \d\d:\d\d:\d\d UTC \(in 20 s\)/),
    });
    // Refused means nothing claimed, nothing asked of AWS.
    expect(await runCount()).toBe(1);
    expect(h.sandbox.control.calls()).toEqual({});

    const later = await startRefresh(db, h.settings, env, "viewer", new Date(finishedAt.getTime() + 30_000));
    if (!later.started) throw new Error(later.message);
    await later.done;
    expect(await runCount()).toBe(2);
    expect(Object.keys(h.sandbox.control.calls()).length).toBeGreaterThan(0);
  });

  it("never refuses when the minimum age is 0 (the end-to-end tests' setting)", async () => {
    const { db } = await database;
    const again = await startRefresh(db, h.settings, { QUEUEREADY_REFRESH_MIN_AGE_SECONDS: "0" }, "viewer");
    if (!again.started) throw new Error(again.message);
    await again.done;
    expect(await runCount()).toBe(3);
  });
});
