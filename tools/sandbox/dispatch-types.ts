/** The contract between the HTTP server and the dispatcher: what a call needs and what it answers. */
import type { FaultSpec } from "./faults";
import type { InSyncTarget } from "./model/lifecycle";
import type { EngineMemory } from "./cloudwatch";
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
  /** A cache cluster's memory as its real engine reports it (CloudWatch metrics), when engines run. */
  engineMemory?: EngineMemory;
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
  /** The request path without its query string (`/`, or CloudWatch's RPC v2 CBOR `/service/...`). */
  path?: string;
  /** The body's bytes (CBOR is binary); absent when too large. */
  rawBody?: Buffer;
}

export type DispatchResult =
  | {
      kind: "answer";
      status: number;
      body: string | Buffer;
      requestId: string;
      contentType: string;
      /** Protocol headers beyond the content type (`smithy-protocol`, `x-amzn-query-error`). */
      headers?: Record<string, string>;
    }
  | { kind: "hold"; holdMs: number };
