/**
 * A second process of the same user (here: a second opener in this one, which the pid lock refuses the
 * same way) uses the embedded database the first holds through its socket, instead of being refused:
 * `npm run apply` beside a running app. Transactions of both sides keep to themselves.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./open";
import { updateRun } from "./run-updates";
import { findRun, insertRun, listRuns } from "./runs";
import { shareSocketOf } from "./embedded-share";
import { sampleRun } from "./test-fixtures";

let dir: string;
let app: Database;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "qr-share-"));
  app = await openDatabase({ kind: "embedded", dataDir: dir });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the embedded database shared with this user's other processes", () => {
  it("lets a second opener write runs the holder reads, and the holder's writes go on meanwhile", async () => {
    const cli = await openDatabase({ kind: "embedded", dataDir: dir });
    try {
      expect(cli.kind).toBe("embedded");
      await insertRun(cli.db, sampleRun("20260115t120000-cli000"));
      // Both sides at once, transactions included: none is lost, none lands in the other's transaction.
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => [
          insertRun(app.db, sampleRun(`20260115t12000${i}-app00${i}`)),
          updateRun(cli.db, "20260115t120000-cli000", (r) => {
            r.created.push({
              type: "ingress-rule",
              region: "us-east-1",
              groupId: `sg-${i}`,
              ruleIds: [`sgr-${i}`],
              description: "QueueReady",
              createdAt: "2026-01-15T12:00:01.000Z",
            });
          }),
        ]).flat(),
      );
      expect((await findRun(app.db, "20260115t120000-cli000"))?.created).toHaveLength(8);
      expect(await listRuns(cli.db)).toHaveLength(9);
    } finally {
      await cli.close();
    }
    // The holder is unaffected by the other side leaving.
    expect(await listRuns(app.db)).toHaveLength(9);
  }, 60_000);

  it("takes the socket down with the database", async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), "qr-share-"));
    const held = await openDatabase({ kind: "embedded", dataDir: other });
    const { existsSync } = await import("node:fs");
    expect(existsSync(shareSocketOf(path.join(other, "pglite")))).toBe(true);
    await held.close();
    expect(existsSync(shareSocketOf(path.join(other, "pglite")))).toBe(false);
    await rm(other, { recursive: true, force: true });
  }, 60_000);

  it("still opens when the socket cannot be made (a data directory path too long for a Unix socket)", async () => {
    const long = path.join(dir, "x".repeat(120));
    const held = await openDatabase({ kind: "embedded", dataDir: long });
    try {
      expect(await listRuns(held.db)).toEqual([]);
    } finally {
      await held.close();
    }
  }, 60_000);
});
