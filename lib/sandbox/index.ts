/**
 * The QueueReady sandbox: a local AWS-compatible endpoint for ElastiCache (awsQuery 2015-02-02) and
 * EC2 (ec2 query 2016-11-15) on one loopback port, seeded with the account of SEED.md.
 * Point the real SDK clients at `url` through the endpoint override, with any dummy credentials.
 */
import type { DispatchEnv } from "./dispatch";
import { FaultTable, type FaultSpec } from "./faults";
import type { SandboxState } from "./model/state";
import { loadState, saveState } from "./persist";
import { buildState } from "./seed/build";
import type { FleetSpec } from "./seed/fleet";
import { listen } from "./server";

export type { FaultSpec, FaultKind } from "./faults";
export type { FleetSpec } from "./seed/fleet";

export interface SandboxOptions {
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port; default 4566. */
  port?: number;
  latencyMs?: number;
  /** How long a modification stays `modifying` / `applying`; default 3000. */
  applyDelayMs?: number;
  seed?: "default" | "empty" | FleetSpec;
  /** Load the state from this JSON file when it exists, save it after each write. */
  persistFile?: string;
  log?: (line: string) => void;
}

export interface SandboxControl {
  reset(seed?: SandboxOptions["seed"]): void;
  configure(o: { latencyMs?: number; applyDelayMs?: number }): void;
  addFault(f: FaultSpec): void;
  clearFaults(): void;
  /** Calls per `service:Operation`, e.g. `elasticache:DescribeCacheClusters`. */
  calls(): Record<string, number>;
  resetCalls(): void;
  /** The regions served, e.g. `["us-east-1", "eu-west-1"]`. */
  regions(): string[];
}

export interface RunningSandbox {
  url: string;
  port: number;
  control: SandboxControl;
  close(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/;

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = opts.host ?? "127.0.0.1";
  if (!LOOPBACK.test(host)) throw new Error(`The sandbox listens on loopback only, not on ${host}.`);
  const log = opts.log ?? (() => {});
  let latencyMs = opts.latencyMs ?? 0;
  let seed = opts.seed ?? "default";
  let state: SandboxState = (opts.persistFile && loadState(opts.persistFile)) || buildState(seed);
  const faults = new FaultTable();
  let counts: Record<string, number> = {};
  const persist = () => {
    if (opts.persistFile) saveState(opts.persistFile, state);
  };

  const env: DispatchEnv = {
    get state() {
      return state;
    },
    applyDelayMs: opts.applyDelayMs ?? 3000,
    now: () => Date.now(),
    countCall: (key) => {
      counts[key] = (counts[key] ?? 0) + 1;
    },
    matchFault: (action, region) => faults.match(action, region),
    afterWrite: persist,
    log,
  };
  const control: SandboxControl = {
    reset(next) {
      seed = next ?? seed;
      state = buildState(seed);
      persist();
    },
    configure(o) {
      if (o.latencyMs !== undefined) latencyMs = o.latencyMs;
      if (o.applyDelayMs !== undefined) env.applyDelayMs = o.applyDelayMs;
    },
    addFault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    calls: () => ({ ...counts }),
    resetCalls: () => {
      counts = {};
    },
    regions: () => Object.keys(state.regions),
  };
  const server = await listen({ env, control, latencyMs: () => latencyMs }, host, opts.port ?? 4566);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${server.port}`;
  log(`sandbox listening on ${url} (regions ${control.regions().join(", ")})`);
  return { url, port: server.port, control, close: server.close };
}
