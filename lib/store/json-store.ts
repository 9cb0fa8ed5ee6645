/**
 * A small server-side JSON store: one file per key under a data directory (`QUEUEREADY_DATA_DIR`, default
 * `.queueready/`). Writes are atomic (temp file + rename, so a crash never leaves half a file) and
 * serialised per file inside the process, so read-modify-write updates never lose each other's changes.
 *
 * It is made for one server process: several processes sharing a directory would need a real database.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export interface JsonStore {
  readonly dir: string;
  /** The value stored under `key`, or `fallback` when there is none. */
  read<T>(key: string, fallback: T): Promise<T>;
  write<T>(key: string, value: T): Promise<void>;
  /** Read-modify-write under the key's lock; returns what was written. */
  update<T>(key: string, fallback: T, change: (current: T) => T | Promise<T>): Promise<T>;
  /** Keys directly under a folder key, e.g. `list("runs")` → `["runs/a1", "runs/b2"]`. */
  list(folder: string): Promise<string[]>;
  remove(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** One queue per absolute file path, shared by every store object in the process. */
const queues = new Map<string, Promise<unknown>>();

function serialised<T>(file: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(file) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  queues.set(file, settled);
  void settled.then(() => {
    if (queues.get(file) === settled) queues.delete(file);
  });
  return next;
}

export function storeDirFromEnv(env: Record<string, string | undefined> = process.env): string {
  // Runtime data, not a build input: without the hint Turbopack traces every file the path could name.
  return path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    env.QUEUEREADY_DATA_DIR?.trim() || ".queueready",
  );
}

export function createJsonStore(dir: string): JsonStore {
  const root = path.resolve(/* turbopackIgnore: true */ dir);
  const fileOf = (key: string): string => {
    if (!KEY.test(key) || key.includes("..")) throw new Error(`Invalid store key: ${key}`);
    return path.join(root, `${key}.json`);
  };

  const readFileValue = async <T>(file: string, fallback: T): Promise<T> => {
    try {
      return JSON.parse(await readFile(file, "utf8")) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return fallback;
      throw err;
    }
  };

  const writeFileValue = async (file: string, value: unknown): Promise<void> => {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { encoding: "utf8", mode: 0o600 });
    await rename(temp, file);
  };

  return {
    dir: root,
    read: async (key, fallback) => {
      const file = fileOf(key);
      return serialised(file, () => readFileValue(file, fallback));
    },
    write: async (key, value) => {
      const file = fileOf(key);
      return serialised(file, () => writeFileValue(file, value));
    },
    update: async (key, fallback, change) => {
      const file = fileOf(key);
      return serialised(file, async () => {
        const next = await change(await readFileValue(file, fallback));
        await writeFileValue(file, next);
        return next;
      });
    },
    list: async (folder) => {
      const base = path.dirname(fileOf(`${folder}/x`));
      try {
        const names = await readdir(base);
        return names
          .filter((n) => n.endsWith(".json"))
          .map((n) => `${folder}/${n.slice(0, -5)}`)
          .sort();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw err;
      }
    },
    remove: async (key) => {
      const file = fileOf(key);
      return serialised(file, () => rm(file, { force: true }));
    },
  };
}
