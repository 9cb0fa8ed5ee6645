/**
 * The delivery worker, one per replica, started with the server. Each pass: look up causes of new events
 * (claimed, so one replica asks AWS per event), add missing deliveries, claim due ones with a lease, send,
 * and record the outcome with backoff. It runs beside the audit and never inside it.
 */
import { DEFAULT_BACKOFF, nextAttemptAt, type BackoffPolicy } from "@/lib/core/alerts/backoff";
import type { CauseEntry } from "./cause";
import { channelsOf, type Channel, type NotificationsConfig } from "@/lib/core/alerts/config";
import { sendNotification } from "@/lib/services/alerts/send";
import { alertContextOf } from "@/lib/adapters/db/alert-context";
import { channelStarts } from "@/lib/adapters/db/channel-starts";
import {
  claimDueDeliveries,
  INTERRUPTED_SEND,
  enqueueDeliveries,
  markDeliveryFailed,
  markDeliverySent,
} from "@/lib/adapters/db/deliveries";
import type { Db } from "@/lib/adapters/db/open";
import {
  claimCauseLookups,
  eventById,
  storeCause,
  type TargetEventRow,
} from "@/lib/adapters/db/target-events";

export interface DeliveryWorkerOptions {
  db: Db;
  config: NotificationsConfig;
  replica: string;
  /** AWS's events behind a change; throws when AWS cannot be read (the lookup is retried later). */
  findCause: (event: TargetEventRow) => Promise<CauseEntry[]>;
  pollMs?: number;
  leaseMs?: number;
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  /** How long a notification may wait for its cause before it goes without. */
  causeWaitMs?: number;
  /** Events older than this are not notified (a channel configured today does not replay last month). */
  catchUpMs?: number;
  now?: () => Date;
  random?: () => number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

export interface PassResult {
  causes: number;
  sent: number;
  retried: number;
  failed: number;
}

export interface DeliveryWorker {
  tick(): Promise<PassResult>;
  start(): void;
  stop(): void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createDeliveryWorker(opts: DeliveryWorkerOptions): DeliveryWorker {
  const now = opts.now ?? (() => new Date());
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  // Just longer than one send (bounded by its timeout) and its mark: a replica that dies mid-send delays
  // the resend by this much, and a resend inside it cannot happen while the first send may still be open.
  const leaseMs = opts.leaseMs ?? timeoutMs + 5_000;
  const channels: Channel[] = channelsOf(opts.config);
  const log = opts.log ?? ((m: string) => console.warn(m));
  let running: Promise<PassResult> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function lookUpCauses(): Promise<number> {
    const t = now();
    const from = new Date(t.getTime() - (opts.catchUpMs ?? 24 * 3600_000));
    const claimed = await claimCauseLookups(opts.db, { from, now: t, staleMs: 120_000, limit: 20 });
    await Promise.all(
      claimed.map(async (e) => {
        try {
          await storeCause(opts.db, e.id, await opts.findCause(e), now());
        } catch (err) {
          log(`The cause of ${e.event} ${e.kind} ${e.targetId} could not be read: ${message(err)}`);
        }
      }),
    );
    return claimed.length;
  }

  async function deliver(result: PassResult): Promise<void> {
    const t = now();
    const from = new Date(t.getTime() - (opts.catchUpMs ?? 24 * 3600_000));
    const causeBy = new Date(t.getTime() - (opts.causeWaitMs ?? 5 * 60_000));
    // A channel added later starts from when it was added: no backlog of the day before it existed.
    for (const [channel, since] of await channelStarts(opts.db, channels, t)) {
      const start = since > from ? since : from;
      await enqueueDeliveries(opts.db, [channel], { from: start, causeBy, now: t });
    }
    const due = await claimDueDeliveries(opts.db, { replica: opts.replica, leaseMs, limit: 20, now: t });
    await Promise.all(
      due.map(async (d) => {
        const key = { eventId: d.eventId, channel: d.channel };
        const event = await eventById(opts.db, d.eventId);
        const outcome = event
          ? await sendNotification(d.channel, event, opts.config, {
              timeoutMs,
              fetch: opts.fetch,
              mayRepeat: d.lastError === INTERRUPTED_SEND,
              context: await alertContextOf(opts.db, event),
            })
          : { ok: false as const, error: "the event is gone" };
        if (outcome.ok) {
          await markDeliverySent(opts.db, key, opts.replica, now());
          result.sent += 1;
          return;
        }
        const retryAt = nextAttemptAt(d.attempts, now(), backoff, opts.random);
        await markDeliveryFailed(opts.db, key, opts.replica, outcome.error, retryAt);
        if (retryAt) result.retried += 1;
        else {
          result.failed += 1;
          log(
            `A ${d.channel} notification (event ${d.eventId}) failed ${d.attempts} times: ${outcome.error}`,
          );
        }
      }),
    );
  }

  async function pass(): Promise<PassResult> {
    const result: PassResult = { causes: await lookUpCauses(), sent: 0, retried: 0, failed: 0 };
    if (channels.length > 0) await deliver(result);
    return result;
  }

  const tick = () => (running ??= pass().finally(() => (running = undefined)));

  return {
    tick,
    start() {
      timer = setInterval(
        () => void tick().catch((err: unknown) => log(`Notifications: ${message(err)}`)),
        opts.pollMs ?? 5_000,
      );
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}
