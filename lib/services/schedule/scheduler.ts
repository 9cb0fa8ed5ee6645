/**
 * Scheduled audits, shared by every replica: time is cut into slots of one interval, and the replica
 * that claims a slot in the database (a unique row) runs that slot's audit; the others find it taken.
 * Each replica waits a random jitter before claiming, so they do not stampede the database at the slot
 * boundary, and the first slot is tried at start so a fresh server has an audit to show. A replica that
 * found the slot taken tries it again on its next ticks: if the holder dies (its heartbeat stops, see
 * audit-lease.ts) the slot is freed and one of the others runs it.
 */
import { randomBytes } from "node:crypto";
import { claimAuditSlot, type AuditResult } from "@/lib/adapters/db/audits";
import { storeAudit } from "@/lib/services/audit/store-audit";
import { holdAudit } from "@/lib/services/audit/audit-lease";
import { abandonAudit } from "@/lib/adapters/db/audit-runs";
import type { Db } from "@/lib/adapters/db";

export interface SchedulerOptions {
  db: Db;
  intervalMs: number;
  /** This replica's name, recorded on the audits it runs. */
  replica: string;
  runAudit: () => Promise<AuditResult>;
  /** Longest random wait before claiming a slot. Default a tenth of the interval, at most 5 s. */
  maxJitterMs?: number;
  now?: () => Date;
  onError?: (err: unknown) => void;
  /** How long a run may go without a heartbeat before another replica takes its slot (tests shorten it). */
  leaseMs?: number;
}

export interface Scheduler {
  /** Tries the current slot once (the timer calls it; tests call it directly). True when it ran the audit. */
  tick(): Promise<boolean>;
  /** Tries the current slot now, then a few times per interval until stopped. */
  start(): void;
  stop(): void;
}

export function slotOf(now: Date, intervalMs: number): string {
  return new Date(Math.floor(now.getTime() / intervalMs) * intervalMs).toISOString();
}

export function createAuditScheduler(opts: SchedulerOptions): Scheduler {
  const now = opts.now ?? (() => new Date());
  const maxJitter = opts.maxJitterMs ?? Math.min(opts.intervalMs / 10, 5_000);
  let lastSlot: string | undefined;
  let running = false;
  let timer: NodeJS.Timeout | undefined;

  const tick = async (): Promise<boolean> => {
    const slot = slotOf(now(), opts.intervalMs);
    if (running || slot === lastSlot) return false;
    running = true;
    lastSlot = slot;
    try {
      if (maxJitter > 0) await new Promise((r) => setTimeout(r, Math.random() * maxJitter));
      const id = `${slot.replace(/[-:.]/g, "").toLowerCase()}-${randomBytes(4).toString("hex")}`;
      if (
        !(await claimAuditSlot(opts.db, {
          id,
          slot,
          startedBy: opts.replica,
          now: now(),
          leaseMs: opts.leaseMs,
        }))
      ) {
        lastSlot = undefined;
        return false;
      }
      const hold = holdAudit(opts.db, id, { leaseMs: opts.leaseMs });
      try {
        await storeAudit(opts.db, id, await opts.runAudit(), now());
      } catch (err) {
        // Given up rather than left unfinished: another replica may try the slot, this one waits for the next.
        await abandonAudit(opts.db, id).catch(() => undefined);
        throw err;
      } finally {
        hold.stop();
      }
      return true;
    } catch (err) {
      opts.onError?.(err);
      return false;
    } finally {
      running = false;
    }
  };

  return {
    tick,
    start() {
      void tick();
      // Checking a few times per interval keeps a slot's start close to its boundary.
      timer = setInterval(() => void tick(), Math.min(opts.intervalMs / 4, 30_000));
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}
