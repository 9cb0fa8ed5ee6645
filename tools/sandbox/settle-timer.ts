/**
 * Completes pending changes on their own, as AWS does: one timer, set for the earliest `settleAt` of the
 * state, settles every region when it fires (statuses, parameter apply status, security group memberships,
 * and through `onInSync` the real engines' config), then sets itself for the next deadline. No API call is
 * needed for a change to finish. `stop()` clears it; it is unref'd as well, so it never holds a process open.
 */
import { nextSettleAt, settleState, type InSyncTarget } from "./model/lifecycle";
import type { RegionState, SandboxState } from "./model/state";

/** setTimeout's ceiling (about 24.8 days); a later deadline fires early, finds nothing due and re-arms. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface SettleTimerOptions {
  state(): SandboxState;
  now(): number;
  onInSync?(region: RegionState, target: InSyncTarget): void;
  /** Something settled (the sandbox persists). */
  onSettled(): void;
}

export class SettleTimer {
  private timer: NodeJS.Timeout | undefined;
  private due: number | undefined;
  private stopped = false;

  constructor(private readonly o: SettleTimerOptions) {}

  /** Arms the timer for the state's earliest deadline; call after every write and after a reset. */
  schedule(): void {
    if (this.stopped) return;
    const next = nextSettleAt(this.o.state());
    if (next === this.due && this.timer) return;
    this.clear();
    if (next === undefined) return;
    this.due = next;
    this.timer = setTimeout(() => this.fire(), Math.min(MAX_DELAY_MS, Math.max(0, next - this.o.now())));
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private fire(): void {
    this.timer = undefined;
    this.due = undefined;
    if (settleState(this.o.state(), this.o.now(), this.o.onInSync)) this.o.onSettled();
    this.schedule();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.due = undefined;
  }
}
