/**
 * The QueueReady sandbox: a local AWS-compatible endpoint for ElastiCache (awsQuery 2015-02-02), EC2
 * (ec2 query 2016-11-15), STS (awsQuery 2011-06-15), Organizations (awsJson1_1), CloudFormation (awsQuery
 * 2010-05-15) and CloudWatch (JSON 1.0, RPC v2 CBOR and awsQuery, 2010-08-01) on one loopback port,
 * seeded with the organization of SEED.md. Point the real SDK clients at `url` through the endpoint
 * override, with any dummy credentials; credentials from STS AssumeRole see their own account.
 */
import type { SandboxControl, SandboxOptions } from "./control";
import type { DispatchEnv, SandboxRequest } from "./dispatch";
import { createEngineManager } from "./engines";
import { FaultTable } from "./faults";
import { defaultAccount, standaloneState } from "./model/accounts";
import type { InSyncTarget } from "./model/lifecycle";
import type { RegionState, SandboxState } from "./model/state";
import { loadState, sameSeed, saveState } from "./persist";
import { buildState } from "./seed/build";
import { cloudwatchCall } from "./protocol/cloudwatch-wire";
import { credentialScope } from "./protocol/request";
import { listen } from "./server";
import { SettleTimer } from "./settle-timer";

export type { SandboxAccountInfo, SandboxControl, SandboxOptions } from "./control";
export type { FaultSpec, FaultKind } from "./faults";
export type { FleetSpec } from "./seed/fleet";
export {
  ORGANIZATION_ID,
  PAYMENTS_ID,
  RESEARCH_ID,
  SANDBOX_EXTERNAL_ID,
  STAGING_ID,
  SUSPENDED_ID,
} from "./seed/organization-seed";
export { ACCOUNT_ID as MANAGEMENT_ACCOUNT_ID } from "./model/state";
export { MEMBER_ROLE } from "./model/accounts";
export type { EngineInfo } from "./engines";

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
  // The seed the sandbox starts with is the one a reset without a seed goes back to.
  const startSeed = opts.seed ?? "default";
  let seed = startSeed;
  const saved = opts.persistFile ? loadState(opts.persistFile) : undefined;
  // A state saved under another seed (say a fleet a reset asked for) is not this start's: build the seed asked for.
  const resumed = saved && (saved.seed === undefined || sameSeed(saved.seed, seed)) ? saved.state : undefined;
  if (saved && !resumed)
    log(`sandbox: ${opts.persistFile} holds a state of another seed; starting from the seed asked for`);
  let state: SandboxState = resumed ?? buildState(seed);
  const faults = new FaultTable();
  const engineSetup = opts.engines ? createEngineManager(log) : undefined;
  if (engineSetup && !engineSetup.ok) log(`sandbox: no real engines: ${engineSetup.reason}`);
  const engines = engineSetup?.ok ? engineSetup.manager : undefined;
  // Generated fleets stay control-plane only: thousands of processes would prove nothing more.
  const startEngines = () => engines?.start(typeof seed === "object" ? standaloneState([]) : state);
  let counts: Record<string, number> = {};
  const persist = () => {
    if (opts.persistFile) saveState(opts.persistFile, state, seed);
  };
  if (saved && !resumed) persist();

  const now = () => Date.now();
  const onInSync = engines
    ? (region: RegionState, target: InSyncTarget) => engines.parametersInSync(region, target)
    : undefined;
  // Pending changes complete on their own clock, not on the next request's.
  const settler = new SettleTimer({ state: () => state, now, onInSync, onSettled: persist });

  const env: DispatchEnv = {
    get state() {
      return state;
    },
    applyDelayMs: opts.applyDelayMs ?? 3000,
    now,
    countCall: (key) => {
      counts[key] = (counts[key] ?? 0) + 1;
    },
    matchFault: (action, region) => faults.match(action, region),
    afterWrite: () => {
      persist();
      settler.schedule();
    },
    log,
    onInSync,
    engineMemory: engines ? (account, region, id) => engines.memoryOf(account, region, id) : undefined,
  };
  const control: SandboxControl = {
    reset(next) {
      seed = next ?? startSeed;
      state = buildState(seed);
      persist();
      settler.schedule();
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
    regions: () => Object.keys(defaultAccount(state).regions),
    accounts: () =>
      Object.values(state.accounts)
        .sort((a, b) => Number(b.id === state.defaultAccountId) - Number(a.id === state.defaultAccountId))
        .map((a) => ({ id: a.id, name: a.name, status: a.status, regions: Object.keys(a.regions) })),
    engines: async () => (engines ? engines.list() : []),
    engineCa: async () => engines?.caPem(),
  };
  try {
    await startEngines();
  } catch (e) {
    await engines?.stop();
    throw e;
  }
  // A persisted state may hold changes that were still applying when it was saved.
  settler.schedule();
  const settled = engines ? () => engines.settled() : undefined;
  // CloudWatch's memory metrics answer what the engines hold now: read them before GetMetricData.
  const prepare = engines
    ? (request: SandboxRequest) => {
        const cw = cloudwatchCall({
          path: request.path ?? "/",
          amzTarget: request.amzTarget,
          scopeService: credentialScope(request.authorization)?.service,
          body: request.body ?? "",
        });
        return cw?.action === "GetMetricData" ? engines.sampleMemory() : undefined;
      }
    : undefined;
  const server = await listen(
    { env, control, latencyMs: () => latencyMs, settled, prepare },
    host,
    opts.port ?? 4566,
  ).catch(async (e: unknown) => {
    settler.stop();
    await engines?.stop();
    throw e;
  });
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${server.port}`;
  log(`sandbox listening on ${url} (regions ${control.regions().join(", ")})`);
  const close = async () => {
    settler.stop();
    await server.close();
    await engines?.stop();
  };
  return { url, port: server.port, control, close };
}
