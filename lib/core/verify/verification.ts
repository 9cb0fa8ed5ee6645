/** What one check on the engine found, as it is stored and shown. */
import type { TargetRef } from "@/lib/core/identity/identity";
import type { ApiFacts } from "./compare";
import type { EngineFacts } from "./info";
import type { EngineMemory } from "./memory";

export type VerifyOutcome =
  "verified" | "not-ready" | "unreachable" | "needs-token" | "auth-failed" | "error";

/** One verification's facts: JSON-safe, stored as the target's last result (never holds the token). */
export interface Verification {
  target: TargetRef;
  /** ISO time the check started. */
  at: string;
  outcome: VerifyOutcome;
  message?: string;
  engine?: EngineFacts;
  /** The fullest shard's used memory against maxmemory (a warning above 80 %). */
  memory?: EngineMemory;
  api: ApiFacts;
  disagreements: string[];
  smokeJob?: SmokeJob;
}

/** The BullMQ smoke job's result: one job added and completed under the snippet's prefix. */
export interface SmokeJob {
  ok: boolean;
  /** Round trip from add to completed, in milliseconds. */
  ms?: number;
  error?: string;
  /** Keys found under the queue's name after cleanup (0 when all went well). */
  keysLeft?: number;
}
