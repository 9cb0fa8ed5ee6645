/**
 * The sandbox's public contract types: how it is started and how a test or the control API steers it.
 * They live apart from index.ts so the HTTP side can use them without importing the entry point.
 */
import type { EngineInfo } from "./engines";
import type { FaultSpec } from "./faults";
import type { SeedChoice } from "./seed/build";

export interface SandboxOptions {
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port; default 4566. */
  port?: number;
  latencyMs?: number;
  /** How long a modification stays `modifying` / `applying`; default 3000. */
  applyDelayMs?: number;
  /** `default`: the organization of SEED.md; `single`: its management account alone; `empty`; or a fleet. */
  seed?: SeedChoice;
  /** Load the state from this JSON file when it exists, save it after each write. */
  persistFile?: string;
  log?: (line: string) => void;
  /**
   * Back each seeded Redis/Valkey node with a real `redis-server` on a loopback port (needs it on PATH;
   * without it the sandbox logs why and runs control-plane only). Generated fleets never get engines.
   */
  engines?: boolean;
}

/** One account as the control API reports it. */
export interface SandboxAccountInfo {
  id: string;
  name: string;
  status: string;
  regions: string[];
}

export interface SandboxControl {
  /** Rebuilds the state from `seed`; without one, from the seed the sandbox started with. */
  reset(seed?: SandboxOptions["seed"]): void;
  configure(o: { latencyMs?: number; applyDelayMs?: number }): void;
  addFault(f: FaultSpec): void;
  clearFaults(): void;
  /** Calls per `service:Operation`, e.g. `elasticache:DescribeCacheClusters`. */
  calls(): Record<string, number>;
  resetCalls(): void;
  /** The regions served to the default (management) account, e.g. `["us-east-1", "eu-west-1"]`. */
  regions(): string[];
  /** Every account of the state, the default one first. */
  accounts(): SandboxAccountInfo[];
  /** The real engines (empty when off); waits for a start or restart in progress. */
  engines(): Promise<EngineInfo[]>;
  /** The certificate (its own CA) the TLS engines serve, when any do. */
  engineCa(): Promise<string | undefined>;
}
