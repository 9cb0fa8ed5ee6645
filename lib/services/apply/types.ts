/** How an apply runs (time limits, polling, the lease) and the refusals it can answer with. */
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import type { Plan } from "@/lib/core/plan";
import type { Db } from "@/lib/adapters/db";
import { RUN_STALE_AFTER_MS } from "@/lib/adapters/db/runs";

export interface ApplyOptions {
  settings: AwsSettings;
  /** Default: the process database (lib/db: embedded, or DATABASE_URL). */
  db?: Db;
  /** Total time allowed for the cluster to converge. Default 40 minutes (Terraform's figure). */
  timeLimitMs?: number;
  /** First poll delay, doubled after each poll up to `pollMaxMs`. Defaults 500 ms and 10 s. */
  pollInitialMs?: number;
  pollMaxMs?: number;
  /**
   * The lease on the cluster: a run (and its lock) with no heartbeat for this long is dead, reads as
   * interrupted and frees the cluster. Default 15 s, renewed every `heartbeatMs` (default 5 s).
   */
  staleAfterMs?: number;
  heartbeatMs?: number;
  /**
   * How the run enters the audit trail (default: a plain "applied"): the approval it applies under, or a
   * break-glass override with its reason, or a revert. The run's actor, target and AWS request ids are added.
   */
  trail?: RunTrail;
}

export interface RunTrail {
  event: "applied" | "overridden" | "reverted";
  approvalId?: string;
  planHash?: string;
  changeRef?: string;
  detail?: string;
}

export const DEFAULTS = {
  timeLimitMs: 40 * 60_000,
  pollInitialMs: 500,
  pollMaxMs: 10_000,
  staleAfterMs: RUN_STALE_AFTER_MS,
  heartbeatMs: 5_000,
};

/** The live state moved since the preview: apply refuses and says what changed. */
export class StalePlanError extends Error {
  constructor(
    readonly changes: string[],
    readonly plan?: Plan,
  ) {
    super(
      `The live state changed since the preview, so nothing was applied: ${changes.join(" ")} Preview again.`,
    );
    this.name = "StalePlanError";
  }
}

/** Another apply holds the cluster, or the plan has blockers, or the user may not apply, or owned without a reason. */
export class ApplyRefusedError extends Error {
  constructor(
    readonly code: "busy" | "blocked" | "forbidden" | "no-preview" | "invalid" | "owned",
    message: string,
  ) {
    super(message);
    this.name = "ApplyRefusedError";
  }
}
