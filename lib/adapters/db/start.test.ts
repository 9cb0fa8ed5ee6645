import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireLease, readLease } from "./leases";
import { updateRun } from "./run-updates";
import { findRun, insertRun, listRuns } from "./runs";
import { startDatabase } from "./start";
import { sampleRun } from "./test-fixtures";
import { lastVerification } from "./verifications";
import { databasesPerFile } from "@/tools/testing/test-db";

const dbs = databasesPerFile();
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const quiet = () => undefined;

const LEGACY_VERIFICATION = {
  target: {
    accountId: "123456789012",
    region: "us-east-1",
    kind: "replication-group" as const,
    id: "orders-redis7",
  },
  at: "2026-01-01T00:02:00.000Z",
  outcome: "verified",
  api: { policy: "noeviction" },
  disagreements: [],
};

async function legacyDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "qr-db-start-"));
  dirs.push(dir);
  await mkdir(path.join(dir, "runs"));
  const write = (name: string, value: unknown) =>
    writeFile(path.join(dir, "runs", name), typeof value === "string" ? value : JSON.stringify(value));
  await write(
    "20260101t000000-aaaaaa.json",
    sampleRun("20260101t000000-aaaaaa", { status: "succeeded", phase: "finished" }),
  );
  await write("20260101t000100-bbbbbb.json", sampleRun("20260101t000100-bbbbbb"));
  await write("broken.json", "{ not json");
  await mkdir(path.join(dir, "verifications"));
  await writeFile(path.join(dir, "verifications", "0a1b.json"), JSON.stringify(LEGACY_VERIFICATION));
  await writeFile(path.join(dir, "verifications", "0c2d.json"), JSON.stringify({ target: { id: "x" } }));
  return dir;
}

describe("start and restart", () => {
  it("embedded: imports the old JSON runs once, keeps runs and history across a restart, frees what the dead process held", async () => {
    const dir = await legacyDataDir();
    const lines: string[] = [];
    const first = await startDatabase({ kind: "embedded", dataDir: dir }, (l) => lines.push(l));
    expect(lines).toEqual([
      `Imported 2 apply runs from ${dir}/runs (skipped broken.json, verifications/0c2d.json).`,
      "Imported the last engine verification of 1 cluster.",
    ]);
    expect(await lastVerification(first.db, LEGACY_VERIFICATION.target)).toEqual(LEGACY_VERIFICATION);
    // The imported run was "running" in a process that is gone: it reads as interrupted at once.
    expect((await findRun(first.db, "20260101t000100-bbbbbb"))!.status).toBe("interrupted");
    await insertRun(first.db, sampleRun("20260102t000000-cccccc", { heartbeatAt: new Date().toISOString() }));
    await updateRun(first.db, "20260101t000000-aaaaaa", (r) =>
      r.created.push({
        type: "cache-parameter-group",
        region: "us-east-1",
        name: "g",
        family: "redis7",
        createdAt: "2026-01-01T00:00:05.000Z",
        removedAt: "2026-01-03T00:00:00.000Z",
        removedBy: "operator",
      }),
    );
    await acquireLease(
      first.db,
      "apply/us-east-1/orders-redis7",
      { owner: "20260102t000000-cccccc", holder: "operator" },
      { leaseMs: 60_000 },
    );
    await first.close();

    const second = await startDatabase({ kind: "embedded", dataDir: dir }, (l) => lines.push(l));
    expect(lines).toHaveLength(2);
    expect((await listRuns(second.db)).map((r) => [r.id, r.status])).toEqual([
      ["20260102t000000-cccccc", "interrupted"],
      ["20260101t000100-bbbbbb", "interrupted"],
      ["20260101t000000-aaaaaa", "succeeded"],
    ]);
    expect((await findRun(second.db, "20260101t000000-aaaaaa"))!.created[0]).toMatchObject({
      removedBy: "operator",
    });
    expect(await readLease(second.db, "apply/us-east-1/orders-redis7")).toBeUndefined();
    await second.close();
  }, 90_000);

  it("postgres: a replica's restart loses no run, lease or history, and imports nothing twice", async () => {
    const url = await (await dbs.server()).createDatabase();
    const dir = await legacyDataDir();
    const first = await startDatabase({ kind: "postgres", url, dataDir: dir }, quiet);
    await insertRun(first.db, sampleRun("20260102t000000-dddddd", { heartbeatAt: new Date().toISOString() }));
    const lease = await acquireLease(
      first.db,
      "apply/us-east-1/orders-redis7",
      { owner: "20260102t000000-dddddd", holder: "operator" },
      { leaseMs: 60_000 },
    );
    await first.close();
    const lines: string[] = [];
    const second = await startDatabase({ kind: "postgres", url, dataDir: dir }, (l) => lines.push(l));
    expect(lines).toEqual([]);
    expect((await listRuns(second.db)).map((r) => r.id)).toEqual([
      "20260102t000000-dddddd",
      "20260101t000100-bbbbbb",
      "20260101t000000-aaaaaa",
    ]);
    expect((await findRun(second.db, "20260102t000000-dddddd"))!.status).toBe("running");
    expect(await readLease(second.db, "apply/us-east-1/orders-redis7")).toEqual(lease.lease);
    await second.close();
  }, 60_000);

  it("old runs that name no account take the account STS names, and wait for it when nothing can ask", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "qr-db-start-"));
    dirs.push(dir);
    await mkdir(path.join(dir, "runs"));
    const old = sampleRun("20250101t000000-eeeeee", { status: "succeeded", phase: "finished" });
    const { accountId: _dropped, ...target } = old.target;
    void _dropped;
    await writeFile(path.join(dir, "runs", "old.json"), JSON.stringify({ ...old, target }));
    const url = await (await dbs.server()).createDatabase();

    const lines: string[] = [];
    const first = await startDatabase({ kind: "postgres", url, dataDir: dir }, (l) => lines.push(l));
    expect(lines).toEqual([
      `1 old apply run in ${dir}/runs name no account: they are imported when QueueReady starts with credentials it can ask for their account.`,
    ]);
    expect(await listRuns(first.db)).toEqual([]);
    await first.close();

    const second = await startDatabase(
      { kind: "postgres", url, dataDir: dir },
      quiet,
      async () => "210987654321",
    );
    expect((await findRun(second.db, "20250101t000000-eeeeee"))!.target.accountId).toBe("210987654321");
    await second.close();
  }, 60_000);
});
