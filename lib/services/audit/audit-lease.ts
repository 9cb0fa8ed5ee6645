/**
 * A running audit's hold on its slot, like an apply's on its cluster: a heartbeat every third of the lease
 * while it runs, and on SIGTERM or SIGINT the unfinished runs of this process are given up at once, so a
 * stopped replica frees its slot immediately and a killed one within one lease (AUDIT_LEASE_MS). Another
 * replica's scheduler then claims the slot and audits it; Refresh is offered again.
 *
 * The held runs live on globalThis: a Refresh (a route bundle) and the scheduler (instrumentation) load
 * their own copies of this module in one process, and one signal handler must see both.
 */
import { abandonAudit, AUDIT_LEASE_MS, beatAudit } from "@/lib/adapters/db/audit-runs";
import type { Db } from "@/lib/adapters/db";

export interface AuditHold {
  /** The run finished or failed: stop beating (and forget it for the shutdown). */
  stop(): void;
}

interface Held {
  runs: Map<string, Db>;
  hooked: boolean;
}

const KEY = Symbol.for("queueready.held-audits");
const slot = globalThis as unknown as Record<symbol, Held | undefined>;
const held = (): Held => (slot[KEY] ??= { runs: new Map(), hooked: false });

/** Gives up every unfinished run this process holds (a stopping replica); errors are the lease's to cover. */
export async function abandonHeldAudits(): Promise<number> {
  const runs = [...held().runs];
  held().runs.clear();
  await Promise.all(runs.map(([id, db]) => abandonAudit(db, id).catch(() => undefined)));
  return runs.length;
}

function hookSignals(): void {
  const state = held();
  if (state.hooked) return;
  state.hooked = true;
  const listeners: [NodeJS.Signals, () => void][] = [];
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const onSignal = () => {
      for (const [s, listener] of listeners) process.removeListener(s, listener);
      state.hooked = false;
      // Next's own handler closes the server meanwhile; with no other handler, end as the signal would.
      const alone = process.listenerCount(signal) === 0;
      void abandonHeldAudits().finally(() => {
        if (alone) process.kill(process.pid, signal);
      });
    };
    listeners.push([signal, onSignal]);
    process.on(signal, onSignal);
  }
}

export function holdAudit(db: Db, id: string, opts: { leaseMs?: number } = {}): AuditHold {
  hookSignals();
  held().runs.set(id, db);
  const every = Math.max(20, Math.floor((opts.leaseMs ?? AUDIT_LEASE_MS) / 3));
  let beating = false;
  const timer = setInterval(() => {
    if (beating) return;
    beating = true;
    // A missed beat (the database blipped) is tried again next time; the lease outlasts two misses.
    void beatAudit(db, id)
      .catch(() => true)
      .finally(() => (beating = false));
  }, every);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      held().runs.delete(id);
    },
  };
}
