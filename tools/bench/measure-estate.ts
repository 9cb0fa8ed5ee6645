/**
 * The estate benchmark: N accounts x 2 regions x M clusters per region, audited the way `npm run audit --
 * --all-accounts` does (organization mode: ListAccounts, one AssumeRole per member, every account-region
 * with a bound on how many are in flight). The lower bound is the slowest account-region's critical path
 * plus one AssumeRole round trip; peak RSS is this process's. CPU time is measured on both sides: the audit
 * runs on one thread, so when its CPU time exceeds the bound no concurrency setting can reach the bound.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { listEstateAccounts } from "@/lib/services/estate/list-accounts";
import { mapAccountRegions } from "@/lib/services/estate/account-regions";
import type { AwsSettings } from "@/lib/adapters/aws/settings";
import { auditLiveRegion } from "@/lib/services/audit/audit-regions";
import { auditEstateAccounts } from "@/lib/services/audit/accounts";
import { cpuFloorMs, type EstateResult } from "./estate-table";
import { startWorkers, type AuditCount } from "./estate-workers";
import type { AccountAudit } from "@/lib/services/audit/accounts";
import { readRegionTruth } from "./fleet-shape";
import { lowerBound } from "./lower-bound";
import type { SandboxProcess } from "./sandbox-process";

const CONFIG = { organization: { memberRoleName: "OrganizationAccountAccessRole", exclude: [] } };

interface EstateRun {
  ms: number;
  cpuMs: number;
  loopBusyMs: number;
  sandboxCpuMs?: number;
  rows: number;
  awsCalls: number;
}

function countAudit(accounts: AccountAudit[]): AuditCount {
  const regionAudits = accounts.flatMap((a) => a.regions);
  return {
    rows: regionAudits.reduce((n, r) => n + r.clusters.length, 0),
    failed: accounts.filter((a) => a.problem).length + regionAudits.filter((r) => r.failed).length,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

export async function measureEstate(
  sandbox: SandboxProcess,
  base: AwsSettings,
  opts: {
    accounts: number;
    regions: string[];
    clustersPerRegion: number;
    latencyMs: number;
    concurrencies: number[];
    runs: number;
    /** Worker threads, as the app runs the audit (0: this thread). */
    workers?: number;
  },
  log: (line: string) => void,
): Promise<EstateResult[]> {
  await sandbox.setLatency(0);
  await sandbox.resetWith({
    clusters: opts.clustersPerRegion * opts.regions.length,
    regions: opts.regions,
    seed: 11,
    accounts: opts.accounts,
  });
  // The truth is read with other base keys, so the timed runs start with cold credentials and clients.
  const truthBase = {
    ...base,
    regions: opts.regions,
    credentials: { accessKeyId: "bench-truth", secretAccessKey: "x" },
  };
  const truthAccounts = await listEstateAccounts(truthBase, CONFIG);
  const truths = (
    await mapAccountRegions(truthAccounts, 20, (s, region) => readRegionTruth(s, region))
  ).flatMap((r) => (r.ok ? [r.value] : []));
  const expectedRows = truths.reduce((n, t) => n + t.targets, 0);
  const lowerBoundMs = lowerBound(truths, opts.latencyMs).ms + opts.latencyMs;
  await sandbox.setLatency(opts.latencyMs);
  // One untimed pass (its own keys) warms the JIT and the modules, as the fleet sizes' warm-up does; the timed
  // runs still start with cold credentials and clients, so each pays its AssumeRole round trips.
  const warm = { ...truthBase, credentials: { accessKeyId: "bench-warm", secretAccessKey: "x" } };
  await mapAccountRegions(await listEstateAccounts(warm, CONFIG), 20, (s, region) =>
    auditLiveRegion(s, region),
  );
  const inWorkers = opts.workers ? await startWorkers(opts.workers, warm) : undefined;

  const timedRun = async (concurrency: number, key: string): Promise<EstateRun> => {
    // Fresh base keys per run: no credential or client cache carries over from the previous run.
    const settings = {
      ...base,
      regions: opts.regions,
      credentials: { accessKeyId: key, secretAccessKey: "x" },
    };
    await sandbox.resetCalls();
    const sandboxCpu = sandbox.cpuMs();
    const cpu = process.cpuUsage();
    const loop = performance.eventLoopUtilization();
    const started = performance.now();
    const counted = inWorkers
      ? await inWorkers.audit(settings, concurrency)
      : // The audit the CLI runs (lib/services/audit), so the figure is the product's.
        countAudit(
          await auditEstateAccounts(await listEstateAccounts(settings, CONFIG), concurrency, auditLiveRegion),
        );
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const busy = performance.eventLoopUtilization(loop);
    const sandboxAfter = sandbox.cpuMs();
    if (counted.failed > 0)
      throw new Error(`the estate audit failed in ${counted.failed} account(s) or account-region(s)`);
    return {
      ms,
      cpuMs: (used.user + used.system) / 1000,
      loopBusyMs: busy.active,
      sandboxCpuMs:
        sandboxCpu === undefined || sandboxAfter === undefined ? undefined : sandboxAfter - sandboxCpu,
      rows: counted.rows,
      awsCalls: Object.values(await sandbox.calls()).reduce((n, c) => n + c, 0),
    };
  };

  const results: EstateResult[] = [];
  for (const [i, concurrency] of opts.concurrencies.entries()) {
    const runs: EstateRun[] = [];
    for (let r = 0; r < opts.runs; r++) runs.push(await timedRun(concurrency, `bench-estate-${i}-${r}`));
    const ms = median(runs.map((r) => r.ms));
    const sandboxCpu = runs.flatMap((r) => (r.sandboxCpuMs === undefined ? [] : [r.sandboxCpuMs]));
    const last = runs[runs.length - 1]!;
    const result: EstateResult = {
      accounts: opts.accounts,
      regions: opts.regions.length,
      clustersPerRegion: opts.clustersPerRegion,
      latencyMs: opts.latencyMs,
      concurrency,
      rows: last.rows,
      expectedRows,
      runs: runs.map((r) => Math.round(r.ms)),
      ms: Math.round(ms),
      cpuMs: Math.round(median(runs.map((r) => r.cpuMs))),
      loopBusyMs: Math.round(median(runs.map((r) => r.loopBusyMs))),
      sandboxCpuMs: sandboxCpu.length > 0 ? Math.round(median(sandboxCpu)) : undefined,
      lowerBoundMs,
      ratio: Math.round((ms / lowerBoundMs) * 100) / 100,
      cores: os.availableParallelism(),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      awsCalls: last.awsCalls,
    };
    log(
      `estate: concurrency ${concurrency}: ${result.ms} ms median of [${result.runs.join(", ")}] (bound ${lowerBoundMs} ms, x${result.ratio}; CPU floor ${cpuFloorMs(result)} ms), audit CPU ${result.cpuMs} ms, sandbox CPU ${result.sandboxCpuMs ?? "?"} ms, ${result.rows}/${expectedRows} rows, ${result.awsCalls} calls, peak RSS ${result.peakRssMb} MB`,
    );
    results.push(result);
  }
  await inWorkers?.close();
  return results;
}
