/**
 * A running apply's sign of life: every third of a lease period it renews the cluster's lease and the
 * run's heartbeat, whatever the apply is doing (a step can wait on AWS for minutes). If the process dies
 * the beats stop, so within one lease period the run reads as interrupted and the cluster is free. If a
 * beat finds the lease gone (this replica stalled longer than a lease and another took over), the apply
 * stops at its next step or poll instead of racing the new holder.
 */
import { renewLease } from "@/lib/adapters/db/leases";
import { touchRun } from "@/lib/adapters/db/run-updates";
import type { Db } from "@/lib/adapters/db";
import { DEFAULTS, type ApplyOptions } from "./types";

export class LeaseLostError extends Error {
  constructor(target: string) {
    super(`This server lost its hold on ${target} (it stalled for longer than the lease), so it stopped.`);
    this.name = "LeaseLostError";
  }
}

export interface Heartbeat {
  /** Throws LeaseLostError once a beat found the lease or the run taken over. */
  check(): void;
  stop(): void;
}

export function startHeartbeat(
  rc: { db: Db; runId: string; lockName: string; options: ApplyOptions },
  target: string,
): Heartbeat {
  const leaseMs = rc.options.staleAfterMs ?? DEFAULTS.staleAfterMs;
  const every = rc.options.heartbeatMs ?? Math.max(20, Math.floor(leaseMs / 3));
  let lost = false;
  let beating = false;
  const beat = async () => {
    if (beating || lost) return;
    beating = true;
    try {
      const held = await renewLease(rc.db, rc.lockName, rc.runId, { leaseMs });
      if (!held || !(await touchRun(rc.db, rc.runId))) lost = true;
    } catch {
      // A failed beat (the database blipped) is tried again next tick; the lease outlasts two misses.
    } finally {
      beating = false;
    }
  };
  const timer = setInterval(() => void beat(), every);
  timer.unref();
  return {
    check: () => {
      if (lost) throw new LeaseLostError(target);
    },
    stop: () => clearInterval(timer),
  };
}
