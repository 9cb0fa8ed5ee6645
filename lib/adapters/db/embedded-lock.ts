/**
 * The embedded database (PGlite) is one process's files: a second process opening the same directory
 * (the app and `npm run apply` on one QUEUEREADY_DATA_DIR) would corrupt it. So the opener writes its pid
 * next to the data and refuses, with a sentence saying what to do, while another live process holds it.
 * Where /proc exists the file also records when the holder started: a container restarted on the same
 * volume runs its processes under the same small pids, so a live pid alone does not prove the holder
 * is still there.
 */
import { readFileSync } from "node:fs";
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

/** When process `pid` started (clock ticks since boot, /proc/PID/stat field 22), or undefined without /proc. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function alive(pid: number, start: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // A process with that pid lives; it is the holder unless it started at another time than the holder did.
  if (start === undefined) return true;
  const now = processStart(pid);
  return now === undefined || now === start;
}

/** The holder's pid, and its start time when recorded ("PID START"; older files hold the pid alone). */
async function holder(file: string): Promise<{ pid: number; start?: string } | undefined> {
  const [pidText, start] = (await readFile(file, "utf8").catch(() => "")).trim().split(" ");
  const pid = Number.parseInt(pidText ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? { pid, start: start || undefined } : undefined;
}

/** Takes the directory for this process; resolves to the release. A dead holder's file is taken over. */
export async function lockEmbedded(dataDir: string): Promise<() => Promise<void>> {
  const file = `${dataDir}.pid`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, "wx", 0o600);
      const start = processStart(process.pid);
      await handle.writeFile(start === undefined ? String(process.pid) : `${process.pid} ${start}`);
      await handle.close();
      return async () => {
        if ((await holder(file))?.pid === process.pid) await rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const held = await holder(file);
      if (held !== undefined && alive(held.pid, held.start))
        throw new EmbeddedDatabaseBusyError(dataDir, held.pid);
      // Left by a process that died (or half written): remove it and try again.
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not take ${file}: another process keeps replacing it.`);
}
