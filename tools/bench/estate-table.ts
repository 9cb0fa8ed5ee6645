/** The estate benchmark's figures and their table (README, the issue's note). */

export interface EstateResult {
  accounts: number;
  regions: number;
  clustersPerRegion: number;
  latencyMs: number;
  concurrency: number;
  /** Audit rows found vs expected (every target of every account-region). */
  rows: number;
  expectedRows: number;
  /** Wall time of each timed run (ms), in run order. */
  runs: number[];
  /** Median of `runs`. */
  ms: number;
  /** CPU time (user + system) of the auditing process (V8's GC helper threads included), median. */
  cpuMs: number;
  /** Time the audit's one JavaScript thread was busy (event loop utilization's active time), median. */
  loopBusyMs: number;
  /** CPU time of the sandbox process (building the answers), median; undefined where /proc is missing. */
  sandboxCpuMs?: number;
  lowerBoundMs: number;
  ratio: number;
  /** Cores the machine gives both processes (the audit and the sandbox share them). */
  cores: number;
  peakRssMb: number;
  awsCalls: number;
}

/** The estate audit's goal on a 2-core machine, in times its lower bound. */
export const ESTATE_GOAL_RATIO = 3;

/**
 * The fastest this machine can run the audit, whatever the scheduling: the API's critical path, the time
 * the audit's one JavaScript thread is busy, and both processes' CPU spread over every core. Above the lower
 * bound but near this floor means the audit waits on CPU, not on AWS, and concurrency cannot help.
 */
export function cpuFloorMs(
  r: Pick<EstateResult, "lowerBoundMs" | "cpuMs" | "loopBusyMs" | "sandboxCpuMs" | "cores">,
): number {
  return Math.round(Math.max(r.lowerBoundMs, r.loopBusyMs, (r.cpuMs + (r.sandboxCpuMs ?? 0)) / r.cores));
}

export function renderEstate(results: EstateResult[]): string {
  const head =
    "| accounts x regions x clusters | latency | concurrency | audit (median) | runs | lower bound | ratio | audit CPU | JS thread busy | sandbox CPU | CPU floor | audit/floor | rows | AWS calls | peak RSS |";
  const rule = "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
  const lines = results.map((r) => {
    const floor = cpuFloorMs(r);
    const perScope = (ms: number) => `${ms} ms (${Math.round(ms / (r.accounts * r.regions))}/acct-region)`;
    return `| ${r.accounts} x ${r.regions} x ${r.clustersPerRegion} | ${r.latencyMs} ms | ${r.concurrency} | ${r.ms} ms | ${r.runs.join(", ")} | ${r.lowerBoundMs} ms | ${Number.isFinite(r.ratio) ? `${r.ratio} (target <= ${ESTATE_GOAL_RATIO})` : "n/a (no latency)"} | ${perScope(r.cpuMs)} | ${r.loopBusyMs} ms | ${r.sandboxCpuMs === undefined ? "n/a" : perScope(r.sandboxCpuMs)} | ${floor} ms | ${Math.round((r.ms / floor) * 100) / 100} | ${r.rows}/${r.expectedRows} | ${r.awsCalls} | ${r.peakRssMb} MB |`;
  });
  return [head, rule, ...lines].join("\n");
}
