import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseBusyError, lockEmbedded, processStart } from "./embedded-lock";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "qr-lock-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("one process per embedded database", () => {
  it("refuses a second opener while the first holds it, naming the holder and the way out; free again once released", async () => {
    const data = path.join(dir, "a");
    const release = await lockEmbedded(data);
    expect(await readFile(`${data}.pid`, "utf8")).toBe(`${process.pid} ${processStart(process.pid)}`);
    const second = lockEmbedded(data);
    await expect(second).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
    await expect(second).rejects.toThrow(`in use by process ${process.pid}`);
    await expect(second).rejects.toThrow(/DATABASE_URL/);
    await release();
    await expect(readFile(`${data}.pid`, "utf8")).rejects.toMatchObject({ code: "ENOENT" });
    await (
      await lockEmbedded(data)
    )();
  });

  it("takes over from a process that died without releasing", async () => {
    const data = path.join(dir, "b");
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    await writeFile(`${data}.pid`, String(gone));
    const release = await lockEmbedded(data);
    expect((await readFile(`${data}.pid`, "utf8")).split(" ")[0]).toBe(String(process.pid));
    await release();
  });

  it("takes over when the pid is alive but names another process than the holder (a restarted container)", async () => {
    const data = path.join(dir, "c");
    // Our own pid, recorded by a process that started at another time: the holder is gone.
    await writeFile(`${data}.pid`, `${process.pid} 1`);
    const release = await lockEmbedded(data);
    await release();
  });

  it("still refuses a live holder recorded by pid alone (files written before start times were kept)", async () => {
    const data = path.join(dir, "d");
    await writeFile(`${data}.pid`, String(process.ppid));
    await expect(lockEmbedded(data)).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
    await rm(`${data}.pid`);
  });
});
