/**
 * "The database is not answering" as its own kind of failure, apart from what a query answered. A caller
 * that checks something in the database (a revoked session, a sign-in limit) must not read an outage as
 * "no" or "yes": it answers 503 with Retry-After and keeps the visitor's session as it was.
 *
 * The process also remembers the last outage it saw (on globalThis: the proxy and the route bundles load
 * their own copies of this module but share one pool), so the proxy can answer 503 at once instead of
 * letting every request wait for its own connection timeout. The note expires after a few seconds, so
 * the next request tries again and the process recovers by itself when the server is back.
 */

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_S = 5;

/**
 * The digest Next passes to an error boundary for this error (it keeps a digest the error carries), so the
 * page can say "database unavailable" where production hides every other server error's message.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "QUEUEREADY_DATABASE_UNAVAILABLE";

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(
    message: string,
    readonly retryAfterS: number = RETRY_AFTER_S,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Node's socket errors and PostgreSQL's connection (08), shutdown (57P0x) and too-many-clients codes. */
const CONNECTION_CODES =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EPIPE|08...|57P0[123]|53300)$/;
/** What node-postgres says, without a code, when a connection cannot be had or is cut. */
const CONNECTION_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connection error|Connection ended|terminating connection/i;

/** Whether `err` (or an error it wraps, as Drizzle wraps the driver's) means the database did not answer. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 4) return false;
  if (err instanceof DatabaseUnavailableError || err.name === "DatabaseUnavailableError") return true;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && CONNECTION_CODES.test(code)) return true;
  if (CONNECTION_MESSAGES.test(err.message)) return true;
  return isDatabaseUnavailable(err.cause, depth + 1);
}

/** `err` as a DatabaseUnavailableError when it is an outage; else `err` unchanged. */
export function asUnavailable(err: unknown): unknown {
  if (err instanceof DatabaseUnavailableError || !isDatabaseUnavailable(err)) return err;
  return new DatabaseUnavailableError("The database is not answering.", RETRY_AFTER_S, { cause: err });
}

const OUTAGE = Symbol.for("queueready.database-outage");
const slot = globalThis as unknown as Record<symbol, { untilMs: number } | undefined>;

/** A connection could not be had: requests in the next `RETRY_AFTER_S` seconds are answered 503 at once. */
export function noteDatabaseOutage(nowMs = Date.now()): void {
  slot[OUTAGE] = { untilMs: nowMs + RETRY_AFTER_S * 1000 };
}

export function noteDatabaseAnswered(): void {
  slot[OUTAGE] = undefined;
}

/** Seconds to wait when an outage was seen lately, else null (try the database). */
export function recentDatabaseOutage(nowMs = Date.now()): number | null {
  const outage = slot[OUTAGE];
  if (!outage || outage.untilMs <= nowMs) return null;
  return Math.max(1, Math.ceil((outage.untilMs - nowMs) / 1000));
}
