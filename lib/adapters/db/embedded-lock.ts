/**
 * The embedded database (PGlite) is one process's files: a second process opening the same directory
 * (the app and `npm run apply` on one QUEUEREADY_DATA_DIR) would corrupt it. So the opener writes its pid
 * next to the data and refuses, with a sentence saying what to do, while another live process holds it.
 */
import { open, readFile, rm } from "node:fs/promises";

export class EmbeddedDatabaseBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid} (the app or another command). ` +
        "Only one process can open it: stop that process first, or set DATABASE_URL to a PostgreSQL server " +
        "that both use.",
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function holder(file: string): Promise<number | undefined> {
  const pid = Number.parseInt(await readFile(file, "utf8").catch(() => ""), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Takes the directory for this process; resolves to the release. A dead holder's file is taken over. */
export async function lockEmbedded(dataDir: string): Promise<() => Promise<void>> {
  const file = `${dataDir}.pid`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, "wx", 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        if ((await holder(file)) === process.pid) await rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = await holder(file);
      if (pid !== undefined && alive(pid)) throw new EmbeddedDatabaseBusyError(dataDir, pid);
      // Left by a process that died (or half written): remove it and try again.
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not take ${file}: another process keeps replacing it.`);
}
