/** The contract between the HTTP server and the dispatcher: what a call needs and what it answers. */
import type { FaultSpec } from "./faults";
import type { InSyncTarget } from "./model/lifecycle";
import type { RegionState, SandboxState } from "./model/state";

export interface DispatchEnv {
  state: SandboxState;
  applyDelayMs: number;
  now(): number;
  countCall(key: string): void;
  matchFault(action: string, region: string): FaultSpec | undefined;
  /** Called after a successful write (persistence). */
  afterWrite(): void;
  log(line: string): void;
  /** A parameter change reached `in-sync` on a cluster (the sandbox's real engines, when on). */
  onInSync?(region: RegionState, target: InSyncTarget): void;
}

/** What dispatch reads off an HTTP request. */
export interface SandboxRequest {
  authorization?: string;
  /** `X-Amz-Security-Token`: present with temporary credentials. */
  securityToken?: string;
  /** `X-Amz-Target`: present on JSON-protocol calls (Organizations). */
  amzTarget?: string;
  /** Null when the body was too large to read. */
  body: string | null;
}

export type DispatchResult =
  | { kind: "answer"; status: number; body: string; requestId: string; contentType: string }
  | { kind: "hold"; holdMs: number };
