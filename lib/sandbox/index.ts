/**
 * The QueueReady sandbox: a local AWS-compatible endpoint for ElastiCache (awsQuery 2015-02-02) and
 * EC2 (ec2 query 2016-11-15) on one loopback port, seeded with the account of SEED.md.
 * Point the real SDK clients at `url` through the endpoint override, with any dummy credentials.
 */
import type { DispatchEnv } from "./dispatch";
import { createEngineManager, type EngineInfo } from "./engines";
import { FaultTable, type FaultSpec } from "./faults";
import type { SandboxState } from "./model/state";
import { loadState, saveState } from "./persist";
import { buildState } from "./seed/build";
import type { FleetSpec } from "./seed/fleet";
import { listen } from "./server";

export type { FaultSpec, FaultKind } from "./faults";
export type { FleetSpec } from "./seed/fleet";
export type { EngineInfo } from "./engines";

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
  /**
   * Back each seeded Redis/Valkey node with a real `redis-server` on a loopback port (needs it on PATH;
   * without it the sandbox logs why and runs control-plane only). Generated fleets never get engines.
   */
  engines?: boolean;
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
  /** The real engines (empty when off); waits for a start or restart in progress. */
  engines(): Promise<EngineInfo[]>;
  /** The certificate (its own CA) the TLS engines serve, when any do. */
  engineCa(): Promise<string | undefined>;
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
  const engineSetup = opts.engines ? createEngineManager(log) : undefined;
  if (engineSetup && !engineSetup.ok) log(`sandbox: no real engines: ${engineSetup.reason}`);
  const engines = engineSetup?.ok ? engineSetup.manager : undefined;
  // Generated fleets stay control-plane only: thousands of processes would prove nothing more.
  const startEngines = () => engines?.start(typeof seed === "object" ? { regions: {} } : state);
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
    onInSync: engines ? (region, cc) => engines.parametersInSync(region, cc) : undefined,
  };
  const control: SandboxControl = {
    reset(next) {
      seed = next ?? seed;
      state = buildState(seed);
      persist();
      void startEngines()?.catch((e: unknown) => log(`engines: restart failed: ${String(e)}`));
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
    engines: async () => (engines ? engines.list() : []),
    engineCa: async () => engines?.caPem(),
  };
  try {
    await startEngines();
  } catch (e) {
    await engines?.stop();
    throw e;
  }
  const settled = engines ? () => engines.settled() : undefined;
  const server = await listen(
    { env, control, latencyMs: () => latencyMs, settled },
    host,
    opts.port ?? 4566,
  ).catch(async (e: unknown) => {
    await engines?.stop();
    throw e;
  });
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${server.port}`;
  log(`sandbox listening on ${url} (regions ${control.regions().join(", ")})`);
  const close = async () => {
    await server.close();
    await engines?.stop();
  };
  return { url, port: server.port, control, close };
}
