/**
 * The embedded database shared with this machine's other QueueReady processes. PGlite is one process's
 * files, so the process that opened it (the app, the demo) also listens on a Unix socket next to them and
 * speaks PostgreSQL's wire protocol there: `npm run apply` beside a running app connects to it as to a
 * server, instead of being refused, and its runs land in the same history the browser shows.
 *
 * The socket lives in a directory only the owner can enter (0700), so only the same OS user reaches it,
 * as only they could open the files. One client at a time holds the database from its first message
 * until PostgreSQL says it is idle again (ReadyForQuery 'I'): its transaction, or the messages of one
 * extended-protocol query, never interleave with the app's own queries, which wait on the same lock.
 */
import { mkdir, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

/** node-postgres finds a Unix socket as `<host dir>/.s.PGSQL.<port>`. */
export const SHARE_PORT = 5432;

export function shareDirOf(dataDir: string): string {
  return `${dataDir}.share`;
}

export function shareSocketOf(dataDir: string): string {
  return path.join(shareDirOf(dataDir), `.s.PGSQL.${SHARE_PORT}`);
}

/** A client holding the database this long without a word loses its connection (and its transaction). */
const IDLE_HOLD_MS = 30_000;

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

/** A simple-protocol Query message. */
function queryMessage(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, "utf8");
  const head = Buffer.alloc(5);
  head.write("Q", 0, "latin1");
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

/** Whether a backend answer ends with ReadyForQuery and the session idle (not in a transaction). */
function endsIdle(out: Uint8Array): boolean {
  const n = out.length;
  if (n < 6) return false;
  const b = Buffer.from(out.buffer, out.byteOffset, n);
  return b[n - 6] === 0x5a && b.readInt32BE(n - 5) === 5 && b[n - 1] === 0x49;
}

/** Takes the lock every in-process query and transaction takes; resolves to its release. */
function holdDatabase(pg: PGlite): Promise<() => void> {
  return new Promise((acquired) => {
    void pg._runExclusiveTransaction(() => new Promise<void>((release) => acquired(release)));
  });
}

function serve(pg: PGlite, socket: Socket): void {
  let buffer = Buffer.alloc(0);
  let release: (() => void) | undefined;
  let started = false;
  let closed = false;
  let idle: NodeJS.Timeout | undefined;
  let chain = Promise.resolve();

  const letGo = () => {
    clearTimeout(idle);
    release?.();
    release = undefined;
  };

  const run = async (message: Uint8Array) => {
    if (!release) release = await holdDatabase(pg);
    clearTimeout(idle);
    const out = await pg.runExclusive(() => pg.execProtocolRaw(message));
    if (out.length > 0 && !socket.destroyed) socket.write(out);
    if (endsIdle(out)) letGo();
    else idle = setTimeout(() => socket.destroy(), IDLE_HOLD_MS);
  };

  const onClose = async () => {
    if (closed) return;
    closed = true;
    clearTimeout(idle);
    await chain.catch(() => undefined);
    if (!release) return;
    try {
      // A client gone mid-transaction leaves nothing half done behind.
      if (pg.isInTransaction()) await pg.runExclusive(() => pg.execProtocolRaw(queryMessage("ROLLBACK")));
    } finally {
      letGo();
    }
  };

  const handle = async () => {
    while (buffer.length >= 5) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        const code = buffer.readInt32BE(4);
        if (code === SSL_REQUEST) {
          buffer = buffer.subarray(8);
          socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) {
          buffer = buffer.subarray(16);
          socket.end();
          return;
        }
        if (code !== PROTOCOL_3 || buffer.length < length) return;
        const startup = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        started = true;
        await run(new Uint8Array(startup));
        continue;
      }
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (message[0] === 0x58) {
        // Terminate: the session ends here, not in the shared backend.
        socket.end();
        return;
      }
      await run(new Uint8Array(message));
    }
  };

  socket.on("data", (data: Buffer) => {
    buffer = Buffer.concat([buffer, data]);
    chain = chain.then(handle).catch(() => {
      socket.destroy();
    });
  });
  socket.on("error", () => undefined);
  socket.on("close", () => void onClose());
}

export interface Share {
  close(): Promise<void>;
}

/** Listens on the data directory's socket for the life of the opened database. */
export async function shareEmbedded(pg: PGlite, dataDir: string): Promise<Share> {
  const dir = shareDirOf(dataDir);
  // Whatever is there was left by a holder that died: this process holds the data directory now.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serve(pg, socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(shareSocketOf(dataDir), () => resolve());
  });
  server.unref();
  return {
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
