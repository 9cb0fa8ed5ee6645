/**
 * The connection pool to a PostgreSQL server, sized by configuration and with a bounded wait queue. An
 * unbounded queue turns a burst into a pile of requests each waiting its full connect timeout and then
 * failing at random; bounded, the requests beyond it are refused at once with a DatabaseUnavailableError
 * (503 + Retry-After upstream) while those admitted are served. Each connection attempt also tells the
 * process whether the server answers (availability.ts), so an outage is noticed and its end too.
 */
import { Pool, type PoolClient, type PoolConfig } from "pg";
import {
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  noteDatabaseAnswered,
  noteDatabaseOutage,
} from "./availability";
import type { PoolSettings } from "./config";

type Done = (release?: unknown) => void;
type ConnectCallback = (err: Error | undefined, client: PoolClient | undefined, done: Done) => void;

export class BoundedPool extends Pool {
  constructor(
    config: PoolConfig,
    private readonly maxWaiting: number,
  ) {
    super(config);
  }

  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    const noSlot = this.totalCount >= (this.options.max ?? 10) && this.idleCount === 0;
    if (noSlot && this.waitingCount >= this.maxWaiting) {
      const err = new DatabaseUnavailableError("Too many requests are waiting for the database.", 1);
      if (callback) return void process.nextTick(() => callback(err, undefined, () => undefined));
      return Promise.reject(err);
    }
    const observe = (err: unknown) => {
      if (!err) noteDatabaseAnswered();
      // A wait in a full queue that timed out is load, not an outage: only a failed connection is.
      else if (isDatabaseUnavailable(err) && !noSlot) noteDatabaseOutage();
    };
    if (callback)
      return super.connect((err, client, done) => {
        observe(err);
        callback(err, client, done);
      });
    return super.connect().then(
      (client) => {
        observe(undefined);
        return client;
      },
      (err: unknown) => {
        observe(err);
        throw err;
      },
    );
  }
}

export function serverPool(url: string, settings: PoolSettings): BoundedPool {
  const pool = new BoundedPool(
    {
      connectionString: url,
      max: settings.max,
      connectionTimeoutMillis: settings.connectTimeoutMs,
      // A query the server never answers (a stopped server) fails instead of holding its connection.
      query_timeout: settings.queryTimeoutMs,
    },
    settings.maxWaiting,
  );
  // An idle client that loses its server emits 'error'; without a listener that would end the process.
  pool.on("error", () => undefined);
  return pool;
}
